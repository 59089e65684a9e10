"use client";

import { useEffect, useState } from "react";
import { THESIS_STRENGTH_EVENT, thesisStrengthWords } from "@/lib/scoring/strength-words";

/** The thesis strength as a number, in words and as a gauge; a vote's answer on this page moves it in place. */
export function ThesisStrengthGauge({ initial }: { initial: number }) {
  const [strength, setStrength] = useState(initial);
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setStrength(initial);
  }
  useEffect(() => {
    const update = (event: Event) => setStrength((event as CustomEvent<number>).detail);
    window.addEventListener(THESIS_STRENGTH_EVENT, update);
    return () => window.removeEventListener(THESIS_STRENGTH_EVENT, update);
  }, []);
  const percent = Math.round(strength * 100);
  return (
    <>
      <h2 id="strength-heading" className="text-sm font-semibold text-slate-700">
        Strength of the thesis: <span className="tabular-nums text-lg text-slate-900" data-testid="thesis-strength-value">{strength.toFixed(2)}</span>{" "}
        <span className="font-normal text-slate-600">({thesisStrengthWords(strength)})</span>
      </h2>
      <div className="relative h-3 overflow-hidden rounded-full bg-gradient-to-r from-rose-200 via-slate-200 to-emerald-200" role="img" aria-label={`Strength ${strength.toFixed(2)} on a scale from 0 (refuted) to 1 (established)`}>
        <span className="absolute top-0 h-3 w-1 -translate-x-1/2 rounded bg-slate-900" style={{ left: `${percent}%` }} />
        <span className="absolute top-0 left-1/2 h-3 w-px bg-slate-500" />
      </div>
    </>
  );
}
