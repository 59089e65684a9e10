import "server-only";
import { stripCitationMarkers } from "@/lib/validation/citation";
import type { ExportArgument, ThesisExport } from "@/lib/interchange/export-schema";

/**
 * The debate as Argdown (https://argdown.org): the thesis as the statement `[<slug>]`, every argument as
 * `<id>` under what it answers, `<+` for a supporting reply and `<-` for an attack. Text is the current revision
 * on one line, with citation markers removed and every character Argdown gives a meaning escaped, so that no
 * argument's words can open a tag, a link or a new element.
 */
export function toArgdown(document: ThesisExport): string {
  const { thesis } = document;
  const lines = [
    "===",
    `title: ${JSON.stringify(thesis.title)}`,
    `source: ${JSON.stringify(`Agora thesis ${thesis.slug}, exported ${document.exportedAt}`)}`,
    "===",
    "",
    `[${thesis.slug}]: ${argdownText(thesis.body ? `${thesis.title} ${thesis.body}` : thesis.title)}`,
  ];
  const children = childrenByParent(document.arguments);
  // Depth-first without recursion: a chain of replies can be deeper than the call stack.
  const stack: { argument: ExportArgument; depth: number }[] = [...(children.get(null) ?? [])].reverse().map((argument) => ({ argument, depth: 1 }));
  while (stack.length > 0) {
    const { argument, depth } = stack.pop()!;
    const current = argument.revisions.find((r) => r.number === argument.currentRevision) ?? argument.revisions.at(-1)!;
    lines.push(`${"  ".repeat(depth)}${argument.stance === "PRO" ? "<+" : "<-"} <${argument.id}>: ${argdownText(current.body)}`);
    for (const child of [...(children.get(argument.id) ?? [])].reverse()) stack.push({ argument: child, depth: depth + 1 });
  }
  return `${lines.join("\n")}\n`;
}

function childrenByParent(args: ExportArgument[]): Map<string | null, ExportArgument[]> {
  const children = new Map<string | null, ExportArgument[]>();
  for (const argument of args) {
    const list = children.get(argument.parentId) ?? [];
    list.push(argument);
    children.set(argument.parentId, list);
  }
  return children;
}

/** Argdown's lexer gives these characters a meaning (tags, mentions, links, emphasis, relations, comments). */
const ARGDOWN_SPECIAL = /[\\@#*_[\]().:<>/{};,=+~`!|-]/g;

function argdownText(markdown: string): string {
  return stripCitationMarkers(markdown).replace(/\s+/g, " ").trim().replace(ARGDOWN_SPECIAL, (c) => `\\${c}`);
}
