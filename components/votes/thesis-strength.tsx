import Link from "next/link";
import type { ThesisStrength } from "@/server/strength/get-thesis-strength";
import { STRENGTH_SCALE_TEXT } from "@/lib/scoring/strength-words";
import { ThesisStrengthGauge } from "./thesis-strength-gauge";
import { countOf } from "@/lib/plural";

/** The thesis's DF-QuAD strength as a gauge, with the arguments that move it most. */
export function ThesisStrengthPanel({ strength, slug }: { strength: ThesisStrength; slug: string }) {
  return (
    <section aria-labelledby="strength-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="thesis-strength">
      <ThesisStrengthGauge initial={strength.thesis} />
      {strength.topContributions.length > 0 ? (
        <div className="text-sm text-slate-700">
          <p className="font-medium">What moves it most (change in strength if the argument and its replies were removed; top-level arguments):</p>
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
      <p className="text-xs text-slate-600" data-testid="strength-scale">
        {STRENGTH_SCALE_TEXT} Computed with DF-QuAD (Rago et al., 2016) over {countOf(strength.counted, "argument")}.
      </p>
    </section>
  );
}
