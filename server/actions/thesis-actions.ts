"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createThesisSchema } from "@/lib/validation/thesis";
import { setThesisTopicsSchema, topicNamesFromForm } from "@/lib/validation/topic";
import type { FormState } from "@/lib/form-state";
import { requireUser } from "../auth/current-user";
import { createThesis } from "../theses/create-thesis";
import { updateThesisTopics } from "../topics/update-thesis-topics";
import { invalidInput, refusal } from "./form-result";

export async function createThesisAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = createThesisSchema.safeParse({
    title: formData.get("title"),
    body: formData.get("body") ?? "",
    topics: topicNamesFromForm(formData),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  let slug: string;
  try {
    const actor = await requireUser();
    slug = (await createThesis({ actor, input: parsed.data })).slug;
  } catch (error) {
    return refusal(error);
  }
  revalidatePath("/");
  redirect(`/t/${slug}`);
}

export async function updateThesisTopicsAction(slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = setThesisTopicsSchema.safeParse({ topics: topicNamesFromForm(formData) });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireUser();
    await updateThesisTopics({ actorId: actor.id, slug, input: parsed.data });
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(`/t/${slug}`);
  revalidatePath("/topics");
  return { ok: true, message: "Topics saved.", successAt: Date.now() };
}
