"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createThesisSchema } from "@/lib/validation/thesis";
import type { FormState } from "@/lib/form-state";
import { requireUser } from "../auth/current-user";
import { createThesis } from "../theses/create-thesis";
import { invalidInput, refusal } from "./form-result";

export async function createThesisAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = createThesisSchema.safeParse({ title: formData.get("title"), body: formData.get("body") ?? "" });
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
