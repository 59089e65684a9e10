import { wordDiff, type DiffKind, type DiffPiece } from "@/lib/arguments/word-diff";
import type { CitationView } from "@/server/citations/load-citations";

/**
 * The word diff from one version of an argument to the next, over its Markdown source. Readable without
 * colour: insertions are underlined, deletions struck through, and each says what it is to screen readers
 * (<ins>/<del> alone are not announced by most of them).
 */
export function RevisionDiff({ before, after, citations }: { before: string; after: string; citations: Map<string, CitationView> }) {
  const pieces = wordDiff(before, after);
  return (
    <div className="whitespace-pre-wrap break-words rounded border border-slate-200 bg-slate-50 p-3 font-mono text-sm leading-relaxed text-slate-800" data-testid="revision-diff">
      {pieces.map((piece, i) => (
        <Piece key={i} piece={piece} citation={"quoteId" in piece ? citations.get(piece.quoteId) : undefined} />
      ))}
    </div>
  );
}

function Piece({ piece, citation }: { piece: DiffPiece; citation: CitationView | undefined }) {
  const content = "quoteId" in piece ? <CitationLabel citation={citation} /> : piece.text;
  return wrap(piece.kind, content);
}

function wrap(kind: DiffKind, content: React.ReactNode) {
  if (kind === "inserted")
    return (
      <ins className="mx-px bg-emerald-100 px-0.5 text-emerald-950 underline decoration-2 underline-offset-2">
        <span className="sr-only">[inserted: </span>
        {content}
        <span className="sr-only">]</span>
      </ins>
    );
  if (kind === "deleted")
    return (
      <del className="mx-px bg-red-100 px-0.5 text-red-950 line-through decoration-2">
        <span className="sr-only">[deleted: </span>
        {content}
        <span className="sr-only">]</span>
      </del>
    );
  return <>{content}</>;
}

/** A citation by its source's title: a raw quote id means nothing to a reader. Hidden quotes stay unnamed. */
function CitationLabel({ citation }: { citation: CitationView | undefined }) {
  const label = !citation ? "citation unavailable" : citation.quoteHidden ? "hidden quote" : `quote: ${citation.sourceTitle}`;
  return <span className="rounded bg-white px-1 font-sans text-xs text-slate-700 ring-1 ring-slate-300">[{label}]</span>;
}
