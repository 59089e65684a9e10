"use server";

import { createArgumentSchema, editArgumentSchema } from "@/lib/validation/argument";
import type { FormState } from "@/lib/form-state";
import { requireUser } from "../auth/current-user";
import { createArgument } from "../arguments/create-argument";
import { editArgument } from "../arguments/edit-argument";
import { revalidateArgumentMap } from "../arguments/get-argument-map";
import { renderBody, renderNewCard } from "../arguments/render-cards";
import { invalidInput, refusal } from "./form-result";
import { MAJOR_REASON_TEXT, type MajorReason } from "@/lib/arguments/edit-kind";

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
    revalidateArgumentMap(argument.thesisSlug);
    return {
      ok: true,
      successAt: Date.now(),
      message: "Posted.",
      rendered: await renderNewCard(argument.id, actor),
      createdId: argument.id,
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
    revalidateArgumentMap(result.thesisSlug);
    return { ok: true, successAt: Date.now(), message: editMessage(result), rendered: await renderBody(result.id) };
  } catch (error) {
    return refusal(error);
  }
}

/** The author learns at once whether their votes survived the edit, and why not. */
function editMessage(result: { changed: boolean; minor: boolean; majorReason: MajorReason | null }): string {
  if (!result.changed) return "No changes to save.";
  if (result.minor) return "Saved as a new revision. Votes kept: minor edit.";
  return `Saved as a new revision. Earlier votes now count as stale: ${MAJOR_REASON_TEXT[result.majorReason!]}.`;
}
