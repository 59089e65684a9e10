import "server-only";
import { db } from "../db";
import { ConflictError, uniqueViolation } from "../errors";
import type { CreateFlagInput } from "@/lib/validation/moderation";
import { loadActiveActor } from "../access/permissions";
import { memberLimit, withLimits } from "../access/limits";
import { loadContentTarget, targetNoun } from "../moderation/targets";

/**
 * Files one member's flag on a piece of content. All flags on a target feed one review item: the first
 * creates it, later ones raise its count, and a flag on a resolved item puts it back in the queue.
 */
export async function createFlag({ actor, input }: { actor: { id: string }; input: CreateFlagInput }) {
  try {
    return await fileFlag(actor, input);
  } catch (error) {
    const fields = uniqueViolation(error);
    // Two first flags on one target raced to create its review item: the loser retries and joins it.
    if (fields && !fields.includes("reporterId")) return fileFlag(actor, input);
    throw error;
  }
}

async function fileFlag(actor: { id: string }, input: CreateFlagInput) {
  return withLimits([await memberLimit("flag", actor.id)], () => insertFlag(actor, input));
}

async function insertFlag(actor: { id: string }, input: CreateFlagInput) {
  try {
    return await db.$transaction(async (tx) => {
      await loadActiveActor(tx, actor.id);
      const target = await loadContentTarget(tx, input.targetType, input.targetId);
      const already = await tx.flag.findUnique({
        where: { reporterId_targetType_targetId: { reporterId: actor.id, targetType: target.type, targetId: target.id } },
        select: { id: true },
      });
      if (already) throw duplicateFlag(target.type);
      const item = await tx.reviewItem.upsert({
        where: { targetType_targetId: { targetType: target.type, targetId: target.id } },
        create: { targetType: target.type, targetId: target.id, thesisId: target.thesisId, flagCount: 1 },
        update: { flagCount: { increment: 1 }, status: "PENDING", resolvedById: null, resolvedAt: null },
        select: { id: true, flagCount: true },
      });
      const flag = await tx.flag.create({
        data: {
          reporterId: actor.id,
          targetType: target.type,
          targetId: target.id,
          reason: input.reason,
          details: input.details,
          reviewItemId: item.id,
        },
        select: { id: true },
      });
      return { flagId: flag.id, reviewItemId: item.id, flagCount: item.flagCount, thesisId: target.thesisId };
    });
  } catch (error) {
    // Two submissions of the same flag raced past the check above: the unique index decides.
    if (uniqueViolation(error)?.includes("reporterId")) throw duplicateFlag(input.targetType);
    throw error;
  }
}

function duplicateFlag(type: CreateFlagInput["targetType"]) {
  return new ConflictError(`You have already flagged this ${targetNoun(type)}; moderators will review it.`);
}
