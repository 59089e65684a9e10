import type { ReactNode } from "react";
import { countOf } from "@/lib/plural";

export interface HighlightQuote {
  id: string;
  start: number;
  end: number;
  /** Position in the quote list (1-based), shown after the passage and linking to who cites it. */
  number: number;
  citedByCount: number;
}

/**
 * The snapshot text, paragraph by paragraph, with every quoted passage highlighted. Each run of text is a
 * <span data-o="offset"> so a selection maps back to snapshot offsets (components/sources/quote-composer.tsx);
 * the markers after a passage are not part of the text (user-select: none, no data-o).
 */
export function SourceText({ text, quotes }: { text: string; quotes: HighlightQuote[] }) {
  const paragraphs: { start: number; end: number }[] = [];
  const breaks = /\n{2,}/g;
  let from = 0;
  for (const m of text.matchAll(breaks)) {
    paragraphs.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  paragraphs.push({ start: from, end: text.length });

  const sorted = [...quotes].sort((a, b) => a.start - b.start || a.end - b.end);
  const startsAt = new Map<number, HighlightQuote[]>();
  const endsAt = new Map<number, HighlightQuote[]>();
  for (const q of sorted) {
    startsAt.set(q.start, [...(startsAt.get(q.start) ?? []), q]);
    endsAt.set(q.end, [...(endsAt.get(q.end) ?? []), q]);
  }

  return (
    <div data-snapshot className="space-y-4 whitespace-pre-wrap break-words text-[0.975rem] leading-relaxed text-slate-900">
      {paragraphs.map((p) => (
        <p key={p.start}>{renderParagraph(text, p.start, p.end, sorted, startsAt, endsAt)}</p>
      ))}
    </div>
  );
}

function renderParagraph(
  text: string,
  start: number,
  end: number,
  quotes: HighlightQuote[],
  startsAt: Map<number, HighlightQuote[]>,
  endsAt: Map<number, HighlightQuote[]>,
): ReactNode[] {
  const cuts = new Set<number>([start, end]);
  const inside: HighlightQuote[] = [];
  for (const q of quotes) {
    if (q.end <= start || q.start >= end) continue;
    inside.push(q);
    if (q.start > start) cuts.add(q.start);
    if (q.end < end) cuts.add(q.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: ReactNode[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    for (const q of startsAt.get(a) ?? []) out.push(<span key={`anchor-${q.id}`} id={`q-${q.id}`} className="scroll-mt-24" />);
    const covering = inside.filter((q) => q.start <= a && q.end >= b);
    const piece = (
      <span key={`t-${a}`} data-o={a}>
        {text.slice(a, b)}
      </span>
    );
    if (covering.length > 0) {
      out.push(
        <mark
          key={`m-${a}`}
          data-quotes={covering.map((q) => q.id).join(" ")}
          className={`rounded-sm px-0 text-inherit ${covering.length > 1 ? "bg-amber-300" : "bg-amber-100"}`}
        >
          {piece}
        </mark>,
      );
    } else {
      out.push(piece);
    }
    for (const q of endsAt.get(b) ?? []) {
      out.push(
        <a
          key={`ref-${q.id}`}
          href={`#quote-${q.id}`}
          className="select-none align-super text-xs font-semibold text-amber-800 hover:underline"
          aria-label={`Quote ${q.number}: cited by ${countOf(q.citedByCount, "argument")}`}
        >
          [{q.number}]
        </a>,
      );
    }
  }
  return out;
}
