"use client";

import { useActionState, useCallback, useEffect, useId, useRef, useState } from "react";
import { createQuoteAction } from "@/server/actions/evidence-actions";
import { QUOTE_MAX_LENGTH } from "@/lib/anchoring/anchor";
import type { QuoteFormState } from "@/lib/validation/source";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

const initial: QuoteFormState = {};

/** The selected text inside the snapshot, and where it starts: each text run is a <span data-o="offset">. */
export function readSnapshotSelection(container: HTMLElement | null): { exact: string; start: number } | null {
  const selection = typeof window === "undefined" ? null : window.getSelection();
  if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const runs = Array.from(container.querySelectorAll<HTMLElement>("[data-o]"));
  let exact = "";
  let start: number | null = null;
  let lastEnd: number | null = null;
  for (const run of runs) {
    if (!range.intersectsNode(run)) continue;
    const node = run.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const offset = Number(run.dataset.o);
    const length = node.textContent?.length ?? 0;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : length;
    if (to <= from) continue;
    const pieceStart = offset + from;
    // Runs that do not touch were separated by a paragraph break: a space stands for it (matching ignores
    // whitespace differences).
    if (lastEnd !== null && pieceStart !== lastEnd) exact += " ";
    exact += node.textContent!.slice(from, to);
    start ??= pieceStart;
    lastEnd = offset + to;
  }
  exact = exact.trim() ? exact : "";
  return exact && start !== null ? { exact, start: start + (exact.length - exact.trimStart().length) } : null;
}

/** Where the Quote button goes: just below the selection's end, kept inside the window. */
function selectionBox(): { top: number; left: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const rects = selection.getRangeAt(0).getClientRects();
  const last = rects[rects.length - 1];
  if (!last) return null;
  const width = 220;
  return { top: Math.min(last.bottom + 6, window.innerHeight - 44), left: Math.max(8, Math.min(last.right - width / 2, window.innerWidth - width - 8)) };
}

/**
 * Saves a passage of a source as a quote: from a selection on the page, or pasted. The server verifies it;
 * a misquote comes back with the closest passage to use instead, a repeated passage with its occurrences.
 */
export function QuoteComposer({
  sourceId,
  snapshotId,
  onSaved,
  compact = false,
}: {
  sourceId: string;
  /** id of the element holding the snapshot text, to quote the selection from. */
  snapshotId?: string;
  onSaved?: (quote: { id: string; exact: string }) => void;
  compact?: boolean;
}) {
  const [state, action, pending] = useActionState(createQuoteAction, initial);
  const [exact, setExact] = useState("");
  const [start, setStart] = useState<string>("");
  const [selection, setSelection] = useState<{ exact: string; start: number } | null>(null);
  const [anchor, setAnchor] = useState<{ top: number; left: number } | null>(null);
  // A refusal is about the passage as it was sent: once the member edits it, the refusal (its message, field
  // error, suggestion or occurrences) no longer describes what is in the box. A new answer is a new object.
  const [editedSince, setEditedSince] = useState<QuoteFormState | null>(null);
  const refused = state.ok === false && editedSince !== state;
  const id = useId();
  const handled = useRef<number | undefined>(undefined);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!snapshotId) return;
    const update = () => {
      const container = document.getElementById(snapshotId);
      const picked = readSnapshotSelection(container);
      setSelection(picked);
      setAnchor(picked ? selectionBox() : null);
    };
    // The button follows the selection on the screen, so it moves with scrolling and resizing too.
    const follow = () => setAnchor((box) => (box ? selectionBox() : box));
    document.addEventListener("selectionchange", update);
    window.addEventListener("scroll", follow, { passive: true });
    window.addEventListener("resize", follow);
    return () => {
      document.removeEventListener("selectionchange", update);
      window.removeEventListener("scroll", follow);
      window.removeEventListener("resize", follow);
    };
  }, [snapshotId]);

  useEffect(() => {
    if (state.successAt && handled.current !== state.successAt && state.quote) {
      handled.current = state.successAt;
      setExact("");
      setStart("");
      onSaved?.(state.quote);
    }
  }, [state, onSaved]);

  const choose = useCallback((text: string, at: number) => {
    setExact(text);
    setStart(String(at));
    // Submit with the choice once React has put it into the form.
    setTimeout(() => form.current?.requestSubmit(), 0);
  }, []);

  const quoteSelection = useCallback(() => {
    if (selection) choose(selection.exact, selection.start);
  }, [selection, choose]);

  // Q quotes the selection, unless the member is typing somewhere.
  useEffect(() => {
    if (!snapshotId || !selection) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "q" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      event.preventDefault();
      quoteSelection();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [snapshotId, selection, quoteSelection]);

  const fieldId = `${id}-exact`;
  const errors = refused ? state.fieldErrors?.exact : undefined;
  return (
    <form ref={form} action={action} className="space-y-2" noValidate aria-label="Quote a passage">
      <input type="hidden" name="sourceId" value={sourceId} />
      <input type="hidden" name="start" value={start} />
      {snapshotId && (
        <div className="text-sm text-slate-700">
          {selection ? (
            // Placed at the selection; in the tab order it comes first in this form. mousedown would clear the
            // selection before the click lands.
            <button
              type="button"
              aria-keyshortcuts="q"
              aria-label={`Quote the selection (${selection.exact.length} characters)`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={quoteSelection}
              style={anchor ? { position: "fixed", top: anchor.top, left: anchor.left } : undefined}
              className="z-20 rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white shadow-lg hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
              data-testid="quote-at-selection"
            >
              Quote <span className="font-normal text-slate-300">({selection.exact.length} characters · Q)</span>
            </button>
          ) : (
            <p>
              Select a passage in the text and press <kbd className="rounded border border-slate-300 bg-white px-1">Q</kbd> or the Quote
              button beside it, or paste the passage below.
            </p>
          )}
        </div>
      )}
      <Field id={fieldId} label="Passage to quote" hint={`Exactly as in the source. ${exact.length}/${QUOTE_MAX_LENGTH}`} errors={errors}>
        <textarea
          {...describedBy(fieldId, { hint: true, errors })}
          name="exact"
          rows={compact ? 3 : 4}
          value={exact}
          onChange={(e) => {
            setExact(e.target.value);
            setStart("");
            setEditedSince(state);
          }}
          className={inputClass}
        />
      </Field>
      {state.message && !errors && (state.ok || refused) && (
        <p role={state.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}>
          {state.message}
          {state.ok && state.quote && (
            <>
              {" "}
              <a href={`/cite?quote=${state.quote.id}`} className="font-semibold text-blue-700 underline">
                Cite it in an argument
              </a>
            </>
          )}
        </p>
      )}
      {refused && state.suggestion && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm" data-testid="quote-suggestion">
          <p className="font-medium">{state.refusal === "cuts_word" ? "The passage with whole words:" : "Closest passage in the source:"}</p>
          <blockquote className="my-1 border-l-2 border-amber-400 pl-2 italic">{state.suggestion.exact}</blockquote>
          <Button type="button" variant="secondary" onClick={() => choose(state.suggestion!.exact, state.suggestion!.start)}>
            Quote this passage instead
          </Button>
        </div>
      )}
      {refused && state.candidates && (
        <fieldset className="rounded-md border border-slate-300 p-2 text-sm">
          <legend className="px-1 font-medium">Which occurrence do you mean?</legend>
          <ul className="space-y-1">
            {state.candidates.map((c) => (
              <li key={c.start}>
                <button
                  type="button"
                  className="w-full rounded px-2 py-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
                  onClick={() => choose(c.exact, c.start)}
                >
                  <span className="text-slate-500">…{c.prefix}</span>
                  <mark className="bg-amber-100">{c.exact}</mark>
                  <span className="text-slate-500">{c.suffix}…</span>
                  <span className="sr-only"> (at character {c.start})</span>
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Save quote"}
      </Button>
    </form>
  );
}
