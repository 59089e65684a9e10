"use server";

import { revalidatePath } from "next/cache";
import { createFlagSchema } from "@/lib/validation/moderation";
import type { FormState } from "@/lib/form-state";
import { requireUser } from "../auth/current-user";
import { createFlag } from "../flags/create-flag";
import { invalidInput, refusal } from "./form-result";

export async function flagAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = createFlagSchema.safeParse({
    targetType: formData.get("targetType"),
    targetId: formData.get("targetId"),
    reason: formData.get("reason") ?? undefined,
    details: formData.get("details") ?? undefined,
  });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireUser();
    await createFlag({ actor, input: parsed.data });
    revalidatePath("/moderation");
    return { ok: true, successAt: Date.now(), message: "Thank you: moderators will review it." };
  } catch (error) {
    return refusal(error);
  }
}
