"use server";

import { revalidatePath } from "next/cache";
import { createApiTokenSchema, revokeApiTokenSchema, type CreateApiTokenFormState } from "@/lib/validation/api-token";
import type { FormState } from "@/lib/form-state";
import { getCurrentUser, requireUser } from "../auth/current-user";
import { createApiToken, revokeApiToken } from "../auth/api-tokens";
import { UnauthorizedError } from "../errors";
import { invalidInput, refusal } from "./form-result";

const TOKENS_PAGE = "/settings/tokens";

export async function createApiTokenAction(_prev: CreateApiTokenFormState, formData: FormData): Promise<CreateApiTokenFormState> {
  const parsed = createApiTokenSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireUser();
    const { token, secret } = await createApiToken({ actor, input: parsed.data });
    revalidatePath(TOKENS_PAGE);
    return { ok: true, successAt: Date.now(), message: `Token "${token.name}" created.`, created: { name: token.name, secret } };
  } catch (error) {
    return refusal(error);
  }
}

export async function revokeApiTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = revokeApiTokenSchema.safeParse({ tokenId: formData.get("tokenId") });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    // Not requireUser: revoking only takes access away, so a suspended member may still do it.
    const actor = await getCurrentUser();
    if (!actor) throw new UnauthorizedError();
    await revokeApiToken({ actor, tokenId: parsed.data.tokenId });
    revalidatePath(TOKENS_PAGE);
    return { ok: true, successAt: Date.now(), message: "Revoked: requests with this token are now refused." };
  } catch (error) {
    return refusal(error);
  }
}
