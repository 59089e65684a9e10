import { z } from "zod";
import { text } from "./primitives";
import { LIMITS } from "./limits";
import { idSchema } from "./argument";
import type { FormState } from "@/lib/form-state";

export const createApiTokenSchema = z.object({
  name: text({ error: "Name the token after what will use it." })
    .trim()
    .min(1, "Name the token after what will use it.")
    .max(LIMITS.apiTokenName, `Token names can have at most ${LIMITS.apiTokenName} characters.`),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: idSchema });

/** The create form's outcome: on success, the secret, which the page shows this once and never again. */
export interface CreateApiTokenFormState extends FormState {
  created?: { name: string; secret: string };
}
