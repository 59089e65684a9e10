import { renderMarkdown } from "@/lib/markdown";

/** User Markdown, rendered through the sanitizer in lib/markdown.ts: the only place user HTML is injected. */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return <div className={`prose-argument ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
