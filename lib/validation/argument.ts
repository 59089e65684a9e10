import { z } from "zod";
import { LIMITS } from "./limits";
import { idSchema, text } from "./primitives";

export { idSchema };

export const argumentBodySchema = text({ error: "Write your argument." })
  .trim()
  .min(1, "Write your argument.")
  .max(LIMITS.argumentBody, `Arguments can have at most ${LIMITS.argumentBody.toLocaleString("en")} characters.`);

export const createArgumentSchema = z.object({
  thesisId: idSchema,
  /** Empty or absent for an argument on the thesis itself. */
  parentId: z
    .union([idSchema, z.literal("")])
    .optional()
    .transform((value) => value || null),
  stance: z.enum(["PRO", "CON"], { error: "Choose whether this supports or opposes." }),
  body: argumentBodySchema,
});
export type CreateArgumentInput = z.infer<typeof createArgumentSchema>;

export const editArgumentSchema = z.object({
  argumentId: idSchema,
  body: argumentBodySchema,
});
export type EditArgumentInput = z.infer<typeof editArgumentSchema>;

/** The API's bodies: the thesis and the argument come from the path. */
export const postArgumentBodySchema = createArgumentSchema.omit({ thesisId: true });
export const editArgumentBodySchema = editArgumentSchema.pick({ body: true });
