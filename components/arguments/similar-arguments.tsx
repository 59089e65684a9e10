"use client";

import { useEffect, useRef, useState } from "react";
import { similarArgumentsAction } from "@/server/actions/composer-actions";
import type { SimilarArgument } from "@/server/arguments/find-similar-arguments";
import { LIMITS } from "@/lib/validation/limits";

const DEBOUNCE_MS = 400;

/**
 * "Has this been said already?": while `text` is written, the thesis's visible arguments most like it, each linked
 * to its focus view (in a new tab, so the draft stays). Asks the server once typing pauses, and only from 20
 * characters on; an answer that arrives after newer typing is dropped. `action`, when given, is one button per
 * suggestion (the duplicate picker's "Use as original").
 */
export function SimilarArguments({
  thesisId,
  text,
  excludeId,
  heading = "Has this been said already?",
  action,
}: {
  thesisId: string;
  text: string;
  excludeId?: string;
  heading?: string;
  action?: { label: string; onPick: (argument: SimilarArgument) => void };
}) {
  const [found, setFound] = useState<SimilarArgument[]>([]);
  const latest = useRef(0);
  const query = text.trim();
  const long = query.length >= LIMITS.similarQueryMin;

  useEffect(() => {
    const asked = ++latest.current;
    if (!long) return;
    const timer = setTimeout(() => {
      similarArgumentsAction({ thesisId, q: query.slice(0, LIMITS.argumentBody), exclude: excludeId })
        .then((answer) => {
          if (asked === latest.current) setFound(answer);
        })
        .catch(() => {});
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [thesisId, query, excludeId, long]);

  const shown = long ? found : [];
  return (
    // The live region is always there (announcements need it to exist before its content changes); empty, it takes no space.
    <div aria-live="polite" className={shown.length ? "space-y-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm" : undefined}>
      {shown.length > 0 && (
        <>
          <p className="font-medium text-amber-900">{heading}</p>
          <ul className="space-y-1" data-testid="similar-arguments">
            {shown.map((argument) => (
              <li key={argument.id} className="flex flex-wrap items-baseline gap-x-2">
                <span className="text-xs font-semibold uppercase text-slate-600">{argument.stance === "PRO" ? "For" : "Against"}</span>
                <a href={argument.url} target="_blank" rel="noopener" className="min-w-0 flex-1 break-words text-blue-800 underline">
                  {argument.excerpt}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
                {action && (
                  <button type="button" className="rounded border border-slate-300 bg-white px-1.5 text-xs hover:bg-slate-100" onClick={() => action.onPick(argument)}>
                    {action.label}
                    <span className="sr-only">: {argument.excerpt.slice(0, 60)}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
