"use client";

import Link from "next/link";
import { useEffect } from "react";
import { argumentStrengthWords, THESIS_STRENGTH_EVENT } from "@/lib/scoring/strength-words";
import { LIVE_VOTES_EVENT, type LiveVotesMessage } from "@/lib/live/messages";
import { voteAction } from "@/server/actions/vote-actions";
import { VoteBar } from "./vote-bar";
import { useOptimisticMutation } from "./use-optimistic-mutation";
import { countOf } from "@/lib/plural";

export interface VoteState {
  /** The viewer's vote, or null. */
  value: 1 | -1 | null;
  /** The viewer's vote was cast on an earlier revision of the argument. */
  stale: boolean;
  upCount: number;
  downCount: number;
  staleUpCount: number;
  staleDownCount: number;
  /** DF-QuAD strength of the argument, as the server keeps it. */
  strength: number;
  /** The thesis strength in the last answer, for the gauge at the top of the page. */
  thesisStrength?: number;
}

/** What a click does to the counts, applied at once; the server's answer replaces it (or it rolls back). */
function predict(state: VoteState, value: 1 | -1 | null): VoteState {
  const next = { ...state, value, stale: false };
  if (state.value !== null) {
    if (state.stale) next[state.value > 0 ? "staleUpCount" : "staleDownCount"] -= 1;
    else next[state.value > 0 ? "upCount" : "downCount"] -= 1;
  }
  if (value !== null) next[value > 0 ? "upCount" : "downCount"] += 1;
  return next;
}

const buttonBase =
  "inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60";

/**
 * Up ("convincing") / down ("not convincing") on one argument. Pressing the pressed button withdraws the vote.
 * `mode` is "vote" for members who may vote, otherwise the reason they cannot (shown instead of the buttons).
 */
export function VoteControl({
  argumentId,
  initial,
  mode,
  loginHref,
}: {
  argumentId: string;
  initial: VoteState;
  mode: "vote" | "signed-out" | "own" | "closed";
  loginHref: string;
}) {
  const { shown, pending, error, mutate, receive } = useOptimisticMutation(initial, predict);

  // Others' votes, from the page's live stream (components/live/live-updates.tsx): counts and strength, not ours.
  useEffect(() => {
    const update = (event: Event) => {
      const state = (event as CustomEvent<LiveVotesMessage>).detail.arguments.find((a) => a.id === argumentId);
      if (state) receive((current) => ({ ...current, upCount: state.upCount, downCount: state.downCount, staleUpCount: state.staleUpCount, staleDownCount: state.staleDownCount, strength: state.strength }));
    };
    window.addEventListener(LIVE_VOTES_EVENT, update);
    return () => window.removeEventListener(LIVE_VOTES_EVENT, update);
  }, [argumentId, receive]);

  const send = (value: 1 | -1 | null) =>
    mutate(value, () => voteAction({ argumentId, value }), (_current, { ok: _ok, ...counts }) => ({ ...counts, stale: false }));

  // The thesis gauge is elsewhere on the page: tell it, rather than re-render the page.
  const thesisStrength = shown.thesisStrength;
  useEffect(() => {
    if (thesisStrength !== undefined) window.dispatchEvent(new CustomEvent(THESIS_STRENGTH_EVENT, { detail: thesisStrength }));
  }, [thesisStrength]);

  const staleTotal = shown.staleUpCount + shown.staleDownCount;
  return (
    <div className="mt-2 space-y-1 text-xs text-slate-600" data-testid="vote-control">
      <div className="flex flex-wrap items-center gap-2">
        {mode === "vote" ? (
          <div role="group" aria-label="Your judgment of this argument" className="flex items-center gap-1">
            <button
              type="button"
              className={`${buttonBase} ${shown.value === 1 && !shown.stale ? "border-emerald-700 bg-emerald-700 text-white" : "border-slate-300 bg-white text-emerald-800 hover:bg-emerald-50"}`}
              aria-pressed={shown.value === 1 && !shown.stale}
              onClick={() => send(shown.value === 1 && !shown.stale ? null : 1)}
              disabled={pending}
            >
              <span aria-hidden="true">▲</span> Convincing
            </button>
            <button
              type="button"
              className={`${buttonBase} ${shown.value === -1 && !shown.stale ? "border-rose-700 bg-rose-700 text-white" : "border-slate-300 bg-white text-rose-800 hover:bg-rose-50"}`}
              aria-pressed={shown.value === -1 && !shown.stale}
              onClick={() => send(shown.value === -1 && !shown.stale ? null : -1)}
              disabled={pending}
            >
              <span aria-hidden="true">▼</span> Not convincing
            </button>
          </div>
        ) : mode === "signed-out" ? (
          <Link href={loginHref} className="text-blue-700 hover:underline">
            Sign in to vote
          </Link>
        ) : null}
        <span className="flex items-center gap-1.5" data-testid="vote-counts">
          {/* Flex items lose the spaces between them in the accessibility tree: the separators are spelled out. */}
          <span className="font-medium text-emerald-800">
            {shown.upCount} convincing<span className="sr-only">,</span>
          </span>
          <VoteBar up={shown.upCount} down={shown.downCount} />
          <span className="font-medium text-rose-800">
            {shown.downCount} not<span className="sr-only"> convincing.</span>
          </span>
        </span>
        {mode === "own" && (
          <span className="italic">
            <span className="sr-only"> </span>(your argument)
          </span>
        )}
        <span data-testid="argument-strength">
          {shown.upCount + shown.downCount + staleTotal === 0 && shown.strength < 0.005 ? (
            "no votes yet"
          ) : (
            <>
              strength <span className="font-semibold tabular-nums text-slate-800">{shown.strength.toFixed(2)}</span> ({argumentStrengthWords(shown.strength)})
            </>
          )}
        </span>
        {staleTotal > 0 && (
          <span data-testid="stale-votes" title="Votes cast before the author's last edit, not counted until their voters reconfirm">
            ({countOf(staleTotal, "vote")} on an earlier version: {shown.staleUpCount} convincing, {shown.staleDownCount} not)
          </span>
        )}
      </div>
      {mode === "vote" && shown.stale && shown.value !== null && (
        <p className="flex flex-wrap items-center gap-2 rounded bg-amber-50 px-2 py-1 text-amber-900" data-testid="reconfirm-prompt">
          The author edited this argument after you found it {shown.value === 1 ? "convincing" : "not convincing"}. Is it still?
          <button type="button" className={`${buttonBase} border-amber-700 bg-white`} onClick={() => send(shown.value)} disabled={pending}>
            Yes, keep my vote
          </button>
          <button type="button" className={`${buttonBase} border-amber-700 bg-white`} onClick={() => send(null)} disabled={pending}>
            Withdraw it
          </button>
        </p>
      )}
      <p role="alert" className={error ? "rounded bg-red-50 px-2 py-1 text-red-800" : "sr-only"}>
        {error ? `Your vote was not saved: ${error}` : ""}
      </p>
    </div>
  );
}
