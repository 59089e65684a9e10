"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { moderationActionSchema } from "@/lib/validation/moderation";
import type { FormState } from "@/lib/form-state";
import { requireUser } from "../auth/current-user";
import { performModerationAction } from "../moderation/perform-moderation-action";
import { revalidateArgumentMap } from "../arguments/get-argument-map";
import { issueResetLinkAsAdmin } from "../auth/password-reset";
import { invalidInput, refusal } from "./form-result";

const FIELDS = ["action", "reviewItemId", "targetType", "targetId", "duplicateOfId", "thesisId", "userId", "hours", "handle", "role", "reason"];

const DONE: Record<string, string> = {
  DISMISS: "Dismissed.",
  HIDE: "Hidden. The author and moderators can still read it.",
  RESTORE: "Restored.",
  MARK_DUPLICATE: "Marked as a duplicate.",
  LOCK: "Thesis locked.",
  UNLOCK: "Thesis unlocked.",
  SUSPEND: "Member suspended.",
  UNSUSPEND: "Suspension lifted.",
  APPOINT_MODERATOR: "Moderator appointed.",
  REMOVE_MODERATOR: "Moderator removed.",
  SET_ROLE: "Role changed.",
};

/** Every form of the review queue, the thesis-moderators page and the roles page posts here. */
export async function moderateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = Object.fromEntries(FIELDS.filter((field) => formData.has(field)).map((field) => [field, formData.get(field)]));
  const parsed = moderationActionSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireUser();
    const result = await performModerationAction({ actor, input: parsed.data });
    revalidatePath("/moderation", "layout");
    if (result.thesisSlug) {
      revalidatePath(`/t/${result.thesisSlug}`, "layout");
      revalidateArgumentMap(result.thesisSlug);
    }
    return { ok: true, successAt: Date.now(), message: DONE[result.action] };
  } catch (error) {
    return refusal(error);
  }
}

const resetLinkSchema = z.object({ userId: z.string({ error: "Choose a member." }).min(1, "Choose a member.").max(64) });

/** Roles page: an administrator makes a one-time password-reset link for a member (logged), to hand over themselves. */
export async function issueResetLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = resetLinkSchema.safeParse({ userId: formData.get("userId") });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireUser();
    const { link } = await issueResetLinkAsAdmin({ actor, userId: parsed.data.userId });
    revalidatePath("/moderation/log");
    return { ok: true, successAt: Date.now(), link, message: "Reset link made. Give it to the member privately: it works once, within 30 minutes." };
  } catch (error) {
    return refusal(error);
  }
}
