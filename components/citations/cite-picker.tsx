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
  const [quoting, setQuoting] = useState<CitableSource | null>(null);
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
                    {searching ? "Searching…" : results ? `${results.quotes.length} quotes and ${results.sources.length} sources found.` : ""}
                  </p>
                  <section aria-label="Quotes" className="space-y-1">
                    <h3 className="text-sm font-semibold text-slate-700">Quotes</h3>
                    {results && results.quotes.length === 0 && <p className="text-sm text-slate-600">No quote matches.</p>}
                    <ul className="max-h-64 space-y-1 overflow-y-auto">
                      {results?.quotes.map((q) => (
                        <li key={q.id}>
                          <button
                            type="button"
                            onClick={() => insert({ quoteId: q.id, exact: q.exact, sourceTitle: q.source.title })}
                            className="w-full rounded-md border border-slate-200 px-2 py-1.5 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600"
                          >
                            <q className="italic">{q.exact.length > 200 ? `${q.exact.slice(0, 199)}…` : q.exact}</q>
                            <span className="block text-xs text-slate-600">
                              {q.source.title}
                              {q.source.publisher ? `, ${q.source.publisher}` : ""}
                            </span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </section>
                  <section aria-label="Sources" className="space-y-1">
                    <h3 className="text-sm font-semibold text-slate-700">Or quote a new passage from a source</h3>
                    {results && results.sources.length === 0 && <p className="text-sm text-slate-600">No source matches.</p>}
                    <ul className="max-h-40 space-y-1 overflow-y-auto">
                      {results?.sources.map((s) => (
                        <li key={s.id} className="flex items-center justify-between gap-2 text-sm">
                          <span>
                            {s.title}
                            {s.publisher ? <span className="text-slate-600">, {s.publisher}</span> : null}
                          </span>
                          <Button type="button" variant="ghost" onClick={() => setQuoting(s)} aria-label={`Quote a passage from ${s.title}`}>
                            Quote a passage
                          </Button>
                        </li>
                      ))}
                    </ul>
                    <a href="/sources/new" target="_blank" rel="noopener" className="inline-block text-sm text-blue-700 underline">
                      Add a new source (opens in a new tab)
                    </a>
                  </section>
                </>
              )}
            </div>
          </dialog>,
          document.body,
        )}
    </>
  );
}
