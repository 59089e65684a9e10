"use client";

import { useCallback, useEffect, useState } from "react";
import { citedQuotesAction } from "@/server/actions/composer-actions";
import { citedQuoteIds } from "@/lib/validation/citation";

/** What the composer shows for a cited quote. */
export interface ChipQuote {
  quoteId: string;
  exact: string;
  sourceTitle: string;
}

/**
 * The quotes a draft cites, by id: null once the server said a quote does not exist (or is hidden), absent while
 * unknown. Quotes picked with "Cite" are known at once; markers already in the text (an edit) or pasted in are
 * looked up, a moment after typing stops.
 */
export function useCitedQuotes(body: string) {
  const [known, setKnown] = useState<ReadonlyMap<string, ChipQuote | null>>(new Map());
  const remember = useCallback((quote: ChipQuote) => setKnown((map) => new Map(map).set(quote.quoteId, quote)), []);
  const unknown = citedQuoteIds(body).filter((id) => !known.has(id));
  const wanted = unknown.join(",");

  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const ids = wanted.split(",");
      try {
        const result = await citedQuotesAction(ids);
        if (cancelled || !result.quotes) return;
        const found = new Map(result.quotes.map((q) => [q.quoteId, { quoteId: q.quoteId, exact: q.exact, sourceTitle: q.sourceTitle }]));
        setKnown((map) => {
          const next = new Map(map);
          for (const id of ids) next.set(id, found.get(id) ?? null);
          return next;
        });
      } catch {
        // Signed out or offline: the entries keep saying "looking up", and saving reports any real problem.
      }
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [wanted]);

  return { known, remember };
}
