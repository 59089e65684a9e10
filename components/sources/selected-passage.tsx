"use client";

import { useEffect, useState } from "react";

/** A `#q-<quoteId>` address names one quote; anything else names none. */
function quoteIdFromHash(hash: string): string | null {
  return /^#q-([A-Za-z0-9_-]+)$/.exec(hash)?.[1] ?? null;
}

/**
 * Marks the passage a `/sources/<id>#q-<quoteId>` link points at: its highlight(s) get aria-current="true" (styled
 * in app/globals.css with an outline), it is scrolled into view, and a note above the text names it in words.
 * The snapshot is server-rendered and can be large, so this touches only attributes of the existing <mark>s
 * instead of rendering the text again on the client. `version` changes when the quotes do (a new quote saved
 * re-renders the marks), so the marking is applied again then.
 */
export function SelectedPassage({
  containerId,
  quotes,
  version,
}: {
  containerId: string;
  quotes: { id: string; number: number }[];
  version: string;
}) {
  const [selected, setSelected] = useState<{ id: string; number: number } | null>(null);

  useEffect(() => {
    const container = document.getElementById(containerId);
    if (!container) return;
    let marked: HTMLElement[] = [];
    const clear = () => {
      for (const mark of marked) mark.removeAttribute("aria-current");
      marked = [];
    };
    const apply = () => {
      clear();
      const id = quoteIdFromHash(window.location.hash);
      const quote = id ? quotes.find((q) => q.id === id) : undefined;
      setSelected(quote ?? null);
      if (!quote) return;
      marked = Array.from(container.querySelectorAll<HTMLElement>("mark[data-quotes]")).filter((mark) =>
        (mark.dataset.quotes ?? "").split(" ").includes(quote.id),
      );
      for (const mark of marked) mark.setAttribute("aria-current", "true");
      const first = marked[0];
      if (!first) return;
      // The browser's own jump to the anchor lands on the passage's first line, before the note above the text
      // appears and pushes it down; centring leaves room for both. A passage taller than the screen starts at the top.
      const tall = first.getBoundingClientRect().height > window.innerHeight * 0.6;
      first.scrollIntoView({ block: tall ? "start" : "center" });
    };
    apply();
    window.addEventListener("hashchange", apply);
    return () => {
      window.removeEventListener("hashchange", apply);
      clear();
    };
    // `quotes` changes exactly when `version` does; keyed on its identity, every parent render would scroll again.
  }, [containerId, version]);

  if (!selected) return null;
  return (
    <p className="mb-3 rounded-md border-2 border-sky-900 bg-sky-50 px-3 py-1.5 text-sm text-slate-900" data-testid="selected-passage-note">
      Selected passage: quote [{selected.number}], outlined in the text below.{" "}
      <a href={`#quote-${selected.id}`} className="text-blue-700 underline">
        Who cites it
      </a>
    </p>
  );
}
