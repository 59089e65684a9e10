"use client";

import { useCallback, useEffect, useId, useRef, useState, useTransition, type RefObject } from "react";
import { createPortal } from "react-dom";
import { searchCitableAction } from "@/server/actions/evidence-actions";
import { citationMarker } from "@/lib/validation/citation";
import type { CitableQuote, CitableSource } from "@/lib/validation/source";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { QuoteComposer } from "@/components/sources/quote-composer";
import type { ChipQuote } from "./use-cited-quotes";
import { countOf } from "@/lib/plural";

/**
 * The composer's "Cite" control: pick an existing quote, or quote a new passage of a source, and a
 * `[[q:<id>]]` marker goes into the text at the cursor. A modal <dialog> (focus kept inside, Escape closes),
 * rendered at the end of <body> so its own forms are not nested in the argument form.
 */
export function CitePicker({
  textareaRef,
  value,
  onChange,
  onCite,
}: {
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  value: string;
  onChange: (value: string) => void;
  /** The quote just cited, so the composer can list it by source and opening words without asking the server. */
  onCite?: (quote: ChipQuote) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<{ quotes: CitableQuote[]; sources: CitableSource[] } | null>(null);
  const [quoting, setQuoting] = useState<PickerSource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();
  const id = useId();
  // The cursor position when the picker opened: focus moves to the dialog, the textarea forgets nothing.
  const cursor = useRef<number | null>(null);

  useEffect(() => setMounted(true), []);

  const search = useCallback((q: string) => {
    startSearch(async () => {
      try {
        setResults(await searchCitableAction(q));
        setError(null);
      } catch {
        setError("Searching failed. Check that you are still signed in, then try again.");
      }
    });
  }, []);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => search(query), 200);
    return () => clearTimeout(timer);
  }, [open, query, search]);

  const show = () => {
    cursor.current = textareaRef.current?.selectionEnd ?? value.length;
    setOpen(true);
    setQuoting(null);
    dialog.current?.showModal();
  };
  const close = () => {
    dialog.current?.close();
  };

  const insert = (quote: ChipQuote) => {
    const quoteId = quote.quoteId;
    onCite?.(quote);
    const at = Math.min(cursor.current ?? value.length, value.length);
    const marker = citationMarker(quoteId);
    const before = value.slice(0, at);
    const spaced = before && !/\s$/.test(before) ? ` ${marker}` : marker;
    onChange(before + spaced + value.slice(at));
    close();
    const caret = at + spaced.length;
    requestAnimationFrame(() => {
      const textarea = textareaRef.current;
      if (!textarea) return;
      textarea.focus();
      textarea.setSelectionRange(caret, caret);
    });
  };

  const groups = results ? groupBySource(results) : null;
  const titleId = `${id}-title`;
  return (
    <>
      <Button type="button" variant="secondary" onClick={show} aria-haspopup="dialog">
        Cite
      </Button>
      {mounted &&
        createPortal(
          <dialog
            ref={dialog}
            aria-labelledby={titleId}
            onClose={() => {
              setOpen(false);
              textareaRef.current?.focus();
            }}
            className="m-auto w-[min(40rem,95vw)] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
          >
            <div className="space-y-3 p-4">
              <div className="flex items-center justify-between gap-2">
                <h2 id={titleId} className="text-lg font-semibold">
                  {quoting ? "Quote a new passage" : "Cite a quote"}
                </h2>
                <Button type="button" variant="ghost" onClick={close}>
                  Close
                </Button>
              </div>
              {quoting ? (
                <div className="space-y-2">
                  <p className="text-sm text-slate-700">
                    From <span className="font-semibold">{quoting.title}</span>. Paste the passage exactly as the source has it; it is checked
                    against the stored text.
                  </p>
                  <QuoteComposer sourceId={quoting.id} compact onSaved={(quote) => insert({ quoteId: quote.id, exact: quote.exact, sourceTitle: quoting.title })} />
                  <Button type="button" variant="ghost" onClick={() => setQuoting(null)}>
                    ← Back to the search
                  </Button>
                </div>
              ) : (
                <>
                  <div className="space-y-1">
                    <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-800">
                      Search quotes and sources
                    </label>
                    <input
                      id={`${id}-q`}
                      type="search"
                      value={query}
                      onChange={(e) => setQuery(e.target.value)}
                      className={inputClass}
                      autoFocus
                      placeholder="Words of the quote, or the source's title"
                    />
                  </div>
                  {error && (
                    <p role="alert" className="text-sm text-red-700">
                      {error}
                    </p>
                  )}
                  <p className="sr-only" role="status">
                    {searching
                      ? "Searching…"
                      : groups
                        ? `${countOf(groups.reduce((n, g) => n + g.quotes.length, 0), "quote")} from ${countOf(groups.length, "source")} found.`
                        : ""}
                  </p>
                  {groups && groups.length === 0 && <p className="text-sm text-slate-600">No quote or source matches.</p>}
                  {groups && groups.length > 0 && (
                    <ul className="max-h-[55vh] space-y-3 overflow-y-auto" aria-label="Sources and their quotes">
                      {groups.map((g) => (
                        <li key={g.source.id}>
                          <section aria-labelledby={`${id}-s-${g.source.id}`} className="space-y-1 rounded-md border border-slate-200 p-2" data-testid="cite-source">
                            <h3 id={`${id}-s-${g.source.id}`} className="text-sm font-semibold text-slate-800">
                              {g.source.title}
                              {g.source.publisher ? <span className="font-normal text-slate-600">, {g.source.publisher}</span> : null}
                              {g.disambiguation && <span className="font-normal text-slate-600"> {g.disambiguation}</span>}
                            </h3>
                            {g.quotes.length > 0 && (
                              <ul className="space-y-1">
                                {g.quotes.map(({ quote, short, suffix }) => (
                                  <li key={quote.id}>
                                    <button
                                      type="button"
                                      onClick={() => insert({ quoteId: quote.id, exact: quote.exact, sourceTitle: g.source.title })}
                                      className="w-full rounded-md border border-slate-200 px-2 py-1.5 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600"
                                    >
                                      <q className="italic">{short}</q>
                                      <span className="sr-only">
                                        , from {g.label}
                                        {suffix}
                                      </span>
                                    </button>
                                  </li>
                                ))}
                              </ul>
                            )}
                            <Button type="button" variant="ghost" onClick={() => setQuoting(g.source)} aria-label={`Quote a new passage from ${g.label}`}>
                              Quote a new passage
                            </Button>
                          </section>
                        </li>
                      ))}
                    </ul>
                  )}
                  <a href="/sources/new" target="_blank" rel="noopener" className="inline-block text-sm text-blue-700 underline">
                    Add a new source (opens in a new tab)
                  </a>
                </>
              )}
            </div>
          </dialog>,
          document.body,
        )}
    </>
  );
}

type PickerSource = Pick<CitableSource, "id" | "title" | "publisher">;

interface SourceGroup {
  source: PickerSource;
  /** What names the source in its controls: title and publisher, plus `disambiguation` when another has the same. */
  label: string;
  disambiguation: string | null;
  quotes: { quote: CitableQuote; short: string; suffix: string }[];
}

/**
 * The search answers as one entry per source, each with its matching quotes: a list of quotes would name a source
 * once per quote, and a source found by its title would appear a second time below them. Every control gets a
 * name of its own (two sources with one title, or one passage quoted at two places, are told apart by number).
 */
function groupBySource(results: { quotes: CitableQuote[]; sources: CitableSource[] }): SourceGroup[] {
  const bySource = new Map<string, { source: PickerSource; quotes: CitableQuote[] }>();
  for (const quote of results.quotes) {
    const group = bySource.get(quote.source.id);
    if (group) group.quotes.push(quote);
    else bySource.set(quote.source.id, { source: quote.source, quotes: [quote] });
  }
  for (const source of results.sources) if (!bySource.has(source.id)) bySource.set(source.id, { source, quotes: [] });

  const entries = [...bySource.values()];
  const baseLabels = entries.map(({ source }) => (source.publisher ? `${source.title}, ${source.publisher}` : source.title));
  const sourceSuffixes = numberRepeats(baseLabels, (k, n) => `(source ${k} of ${n} with this title)`);
  return entries.map(({ source, quotes }, i) => {
    const label = sourceSuffixes[i] ? `${baseLabels[i]} ${sourceSuffixes[i]}` : baseLabels[i]!;
    const shorts = quotes.map((q) => (q.exact.length > 200 ? `${q.exact.slice(0, 199)}…` : q.exact));
    const quoteSuffixes = numberRepeats(shorts, (k, n) => ` (passage ${k} of ${n} with these words)`);
    return {
      source,
      label,
      disambiguation: sourceSuffixes[i] ?? null,
      quotes: quotes.map((quote, j) => ({ quote, short: shorts[j]!, suffix: quoteSuffixes[j] ?? "" })),
    };
  });
}

/** For each name that occurs more than once, the words that number it ("k of n"); undefined for unique names. */
function numberRepeats(names: string[], words: (k: number, n: number) => string): (string | undefined)[] {
  const totals = new Map<string, number>();
  for (const name of names) totals.set(name, (totals.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = totals.get(name)!;
    if (n < 2) return undefined;
    const k = (seen.get(name) ?? 0) + 1;
    seen.set(name, k);
    return words(k, n);
  });
}
