import { z } from "zod";
import { text } from "./primitives";
import { LIMITS } from "./limits";
import { topicNamesSchema } from "./topic";

export const createThesisSchema = z.object({
  title: text({ error: "Give the thesis a title." })
    .trim()
    .min(1, "Give the thesis a title.")
    .max(LIMITS.thesisTitle, `Titles can have at most ${LIMITS.thesisTitle} characters.`),
  body: text()
    .trim()
    .max(LIMITS.thesisBody, `Descriptions can have at most ${LIMITS.thesisBody} characters.`)
    .optional()
    .default(""),
  topics: topicNamesSchema.optional().default([]),
});
export type CreateThesisInput = z.infer<typeof createThesisSchema>;

/** Slugs are lower-case words joined by single hyphens; anything else is not a thesis URL. */
export const slugSchema = z
  .string({ error: "That is not a valid thesis address." })
  .max(120, "That thesis address is too long.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "That is not a valid thesis address.");
