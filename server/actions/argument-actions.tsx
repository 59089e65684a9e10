"use server";

import { createArgumentSchema, editArgumentSchema } from "@/lib/validation/argument";
import type { FormState } from "@/lib/form-state";
import { requireUser } from "../auth/current-user";
import { createArgument } from "../arguments/create-argument";
import { editArgument } from "../arguments/edit-argument";
import { renderBody, renderNewCard } from "../arguments/render-cards";
import { invalidInput, refusal } from "./form-result";

/**
 * Posts an argument or a reply. The answer carries the new card, rendered here, which the composer shows in
 * place: no page is re-rendered, so the answer's size does not grow with the debate.
 */
export async function createArgumentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = createArgumentSchema.safeParse({
    thesisId: formData.get("thesisId"),
    parentId: formData.get("parentId") ?? undefined,
    stance: formData.get("stance") ?? undefined,
    body: formData.get("body"),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireUser();
    const argument = await createArgument({ actor, input: parsed.data });
    return {
      ok: true,
      successAt: Date.now(),
      message: "Posted.",
      rendered: await renderNewCard(argument.id, actor),
      createdPermalink: `/t/${argument.thesisSlug}/a/${argument.id}`,
    };
  } catch (error) {
    return refusal(error);
  }
}

/** Saves an edit as a new revision; the answer carries the new body for the card that asked. */
export async function editArgumentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = editArgumentSchema.safeParse({ argumentId: formData.get("argumentId"), body: formData.get("body") });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireUser();
    const result = await editArgument({ actor, input: parsed.data });
    return {
      ok: true,
      successAt: Date.now(),
      message: result.changed ? "Saved as a new revision." : "No changes to save.",
      rendered: await renderBody(result.id),
    };
  } catch (error) {
    return refusal(error);
  }
}
