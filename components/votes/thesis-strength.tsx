import Link from "next/link";
import type { ThesisStrength } from "@/server/strength/get-thesis-strength";

/** The thesis's DF-QuAD strength as a gauge, with the arguments that move it most. */
export function ThesisStrengthPanel({ strength, slug }: { strength: ThesisStrength; slug: string }) {
  const percent = Math.round(strength.thesis * 100);
  return (
    <section aria-labelledby="strength-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="thesis-strength">
      <h2 id="strength-heading" className="text-sm font-semibold text-slate-700">
        Strength of the thesis: <span className="tabular-nums text-lg text-slate-900">{strength.thesis.toFixed(2)}</span>
        <span className="font-normal text-slate-500"> (0 refuted … 0.5 undecided … 1 established)</span>
      </h2>
      <div className="relative h-3 overflow-hidden rounded-full bg-gradient-to-r from-rose-200 via-slate-200 to-emerald-200" role="img" aria-label={`Strength ${strength.thesis.toFixed(2)} on a scale from 0 to 1`}>
        <span className="absolute top-0 h-3 w-1 -translate-x-1/2 rounded bg-slate-900" style={{ left: `${percent}%` }} />
        <span className="absolute top-0 left-1/2 h-3 w-px bg-slate-500" />
      </div>
      {strength.topContributions.length > 0 ? (
        <div className="text-sm text-slate-700">
          <p className="font-medium">What moves it most (change in strength if the argument and its replies were removed):</p>
          <ol className="mt-1 space-y-1">
            {strength.topContributions.map((c) => (
              <li key={c.id} className="flex gap-2">
                <span className={`w-14 shrink-0 text-right font-semibold tabular-nums ${c.delta >= 0 ? "text-emerald-800" : "text-rose-800"}`}>
                  {c.delta >= 0 ? "+" : "−"}
                  {Math.abs(c.delta).toFixed(2)}
                </span>
                <Link href={`/t/${slug}/a/${c.id}`} className="hover:underline">
                  {c.depth === 0 ? (c.stance === "PRO" ? "For" : "Against") : c.stance === "PRO" ? "Supporting reply" : "Rebuttal"}: {c.excerpt}
                </Link>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p className="text-sm text-slate-600">No argument moves it yet: strength comes from arguments members find convincing.</p>
      )}
      <p className="text-xs text-slate-500">
        Computed with DF-QuAD (Rago et al., 2016) over {strength.counted} {strength.counted === 1 ? "argument" : "arguments"}: each argument starts from
        its votes, supporters raise and rebuttals lower the argument they answer.
      </p>
    </section>
  );
}
