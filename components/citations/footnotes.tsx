import Link from "next/link";
import type { CitationView } from "@/server/citations/load-citations";
import { formatSourceDate, quoteHref } from "./format";

/**
 * An argument's footnote list. No hooks and no server-only code: the published argument (ArgumentBody) and the
 * composer's preview render this same component, so the preview cannot drift from what gets published.
 */
export function Footnotes({ argumentId, citations }: { argumentId: string; citations: CitationView[] }) {
  if (citations.length === 0) return null;
  return (
    <ol aria-label="Sources cited" className="mt-2 space-y-1 border-t border-slate-200 pt-2 text-xs text-slate-700">
      {citations.map((c) => (
        <li key={c.number} id={`fn-${argumentId}-${c.number}`} className="flex gap-1" data-testid="footnote">
          <span className="font-semibold">[{c.number}]</span>
          <span>
            {c.quoteHidden ? (
              <em>This quote was hidden by moderators.</em>
            ) : (
              <>
                <q className="italic">{c.exact}</q> —{" "}
              </>
            )}
            <Link href={quoteHref(c.sourceId, c.quoteId)} className="text-blue-700 underline">
              {c.sourceTitle}
            </Link>
            {c.publisher ? `, ${c.publisher}` : ""}
            {c.publishedAt ? `, ${formatSourceDate(c.publishedAt)}` : ""}
            {c.captureMethod === "PASTED" ? " (text supplied by a member)" : ""}
            {c.sourceChanged ? " — the source has changed since this snapshot" : ""}
          </span>
        </li>
      ))}
    </ol>
  );
}
