"use server";

import { castVoteSchema, stanceValueSchema, voteValueSchema } from "@/lib/validation/vote";
import { idSchema } from "@/lib/validation/argument";
import { AppError } from "../errors";
import { requireUser } from "../auth/current-user";
import { setVote, type VoteResult } from "../votes/cast-vote";
import { revalidateArgumentMap } from "../arguments/get-argument-map";
import { setThesisStance, type StanceResult } from "../stances/set-thesis-stance";

export type VoteActionResult =
  | ({ ok: true } & Pick<VoteResult, "value" | "upCount" | "downCount" | "staleUpCount" | "staleDownCount" | "strength" | "thesisStrength">)
  | { ok: false; message: string };

/**
 * Casts (1 / -1) or withdraws (null) the viewer's vote; the vote control calls it with its optimistic state already
 * shown. The answer carries what changed (counts, the argument's and the thesis's strength) and nothing is
 * revalidated: re-rendering the debate per click would cost as much as the debate is large.
 */
export async function voteAction(input: { argumentId: string; value: 1 | -1 | null }): Promise<VoteActionResult> {
  const parsed = castVoteSchema.extend({ value: voteValueSchema.nullable() }).safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "That vote is not valid." };
  try {
    const actor = await requireUser();
    const result = await setVote({ actor, argumentId: parsed.data.argumentId, value: parsed.data.value });
    revalidateArgumentMap(result.thesisSlug);
    const { upCount, downCount, staleUpCount, staleDownCount, strength, thesisStrength } = result;
    return { ok: true, value: result.value, upCount, downCount, staleUpCount, staleDownCount, strength, thesisStrength };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}

export type StanceActionResult = ({ ok: true } & StanceResult) | { ok: false; message: string };

/** Records where the viewer stands on a thesis (-2 … 2), or clears it (null). */
export async function stanceAction(input: { thesisId: string; value: number | null }): Promise<StanceActionResult> {
  const thesisId = idSchema.safeParse(input?.thesisId);
  const value = input?.value === null ? { success: true as const, data: null } : stanceValueSchema.safeParse(input?.value);
  if (!thesisId.success) return { ok: false, message: "That thesis does not exist." };
  if (!value.success) return { ok: false, message: value.error.issues[0]?.message ?? "Choose one of the five positions." };
  try {
    const actor = await requireUser();
    // The poll already shows the new distribution (its prediction is exact for one member's change): nothing
    // else on the page depends on it, so nothing is re-rendered.
    const result = await setThesisStance({ actor, thesisId: thesisId.data, value: value.data });
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
