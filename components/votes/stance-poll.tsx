"use client";

import Link from "next/link";
import { stanceAction } from "@/server/actions/vote-actions";
import { useOptimisticMutation } from "./use-optimistic-mutation";
import { countOf } from "@/lib/plural";

const POSITIONS = [
  { value: -2, label: "Strongly disagree", bar: "bg-rose-700" },
  { value: -1, label: "Disagree", bar: "bg-rose-400" },
  { value: 0, label: "Undecided", bar: "bg-slate-400" },
  { value: 1, label: "Agree", bar: "bg-emerald-400" },
  { value: 2, label: "Strongly agree", bar: "bg-emerald-700" },
] as const;

type Value = (typeof POSITIONS)[number]["value"];

export interface StancePollState {
  counts: Record<Value, number>;
  mine: Value | null;
}

function predict(state: StancePollState, value: Value | null): StancePollState {
  const counts = { ...state.counts };
  if (state.mine !== null) counts[state.mine] -= 1;
  if (value !== null) counts[value] += 1;
  return { counts, mine: value };
}

/** Where members stand on the thesis: a five-step poll and its distribution as bars with a text equivalent. */
export function StancePoll({
  thesisId,
  initial,
  canAnswer,
  closed,
  loginHref,
}: {
  thesisId: string;
  initial: StancePollState;
  canAnswer: boolean;
  closed: boolean;
  loginHref: string;
}) {
  const { shown, pending, error, mutate } = useOptimisticMutation(initial, predict);
  const total = POSITIONS.reduce((sum, p) => sum + shown.counts[p.value], 0);
  const max = Math.max(1, ...POSITIONS.map((p) => shown.counts[p.value]));

  const choose = (value: Value | null) =>
    mutate(value, () => stanceAction({ thesisId, value }), (current) => predict(current, value));

  return (
    <section aria-labelledby="stance-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="stance-poll">
      <h2 id="stance-heading" className="text-sm font-semibold text-slate-700">
        Where members stand <span className="font-normal text-slate-500">({countOf(total, "answer")})</span>
      </h2>
      <figure>
        <div className="flex h-16 items-end gap-1" aria-hidden="true">
          {POSITIONS.map((p) => (
            <div key={p.value} className="flex h-full flex-1 flex-col items-center justify-end">
              <span className={`w-full rounded-t ${p.bar}`} style={{ height: `${(shown.counts[p.value] / max) * 100}%`, minHeight: shown.counts[p.value] ? 2 : 0 }} />
            </div>
          ))}
        </div>
        <figcaption className="sr-only">
          Stance distribution: {POSITIONS.map((p) => `${p.label} ${shown.counts[p.value]}`).join(", ")}.
        </figcaption>
      </figure>
      {canAnswer && !closed ? (
        <fieldset>
          <legend className="text-sm text-slate-700">Your position on the thesis</legend>
          <div className="mt-1 grid grid-cols-5 gap-1">
            {POSITIONS.map((p) => (
              <button
                key={p.value}
                type="button"
                aria-pressed={shown.mine === p.value}
                disabled={pending}
                onClick={() => choose(shown.mine === p.value ? null : p.value)}
                className={`rounded-md border px-1 py-1 text-xs font-medium leading-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${shown.mine === p.value ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
              >
                {p.label}
                <span className="block tabular-nums text-[0.7rem] opacity-80">{shown.counts[p.value]}</span>
              </button>
            ))}
          </div>
        </fieldset>
      ) : (
        <ul className="grid grid-cols-5 gap-1 text-center text-xs text-slate-700">
          {POSITIONS.map((p) => (
            <li key={p.value}>
              {p.label}
              <span className="block tabular-nums">{shown.counts[p.value]}</span>
            </li>
          ))}
        </ul>
      )}
      {!canAnswer && !closed && (
        <p className="text-xs">
          <Link href={loginHref} className="text-blue-700 underline">
            Sign in
          </Link>{" "}
          to say where you stand.
        </p>
      )}
      {closed && <p className="text-xs text-slate-600">This thesis is locked: the poll is closed.</p>}
      <p role="alert" className={error ? "rounded bg-red-50 px-2 py-1 text-xs text-red-800" : "sr-only"}>
        {error ? `Your answer was not saved: ${error}` : ""}
      </p>
    </section>
  );
}
