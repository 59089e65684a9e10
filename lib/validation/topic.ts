import { z } from "zod";
import { slugWords } from "../slug";
import { LIMITS } from "./limits";

export const topicNameSchema = z
  .string({ error: "Name each topic." })
  .trim()
  .transform((name) => name.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(LIMITS.topicNameMin, `Topic names need at least ${LIMITS.topicNameMin} characters.`)
      .max(LIMITS.topicNameMax, `Topic names can have at most ${LIMITS.topicNameMax} characters.`)
      // The slug is the topic's address and identity, so it must not come out empty.
      .refine((name) => slugWords(name) !== "", "Topic names need a Latin letter or a digit (they become the topic's address)."),
  );

/** A topic's address: the slug of its name, so names differing only in case or punctuation are one topic. */
export function topicSlug(name: string): string {
  return slugWords(name);
}

/**
 * The topics of a thesis, by name: existing ones are matched by slug, new ones are created. Duplicates (by slug)
 * are dropped rather than refused, since picking a topic and also typing it is an easy slip.
 */
export const topicNamesSchema = z
  .array(topicNameSchema, { error: "Topics must be a list of names." })
  .max(LIMITS.topicsPerThesis * 2, `A thesis can have at most ${LIMITS.topicsPerThesis} topics.`)
  .transform((names) => {
    // The first spelling of a topic wins.
    const bySlug = new Map<string, string>();
    for (const name of names) if (!bySlug.has(topicSlug(name))) bySlug.set(topicSlug(name), name);
    return [...bySlug.values()];
  })
  .pipe(z.array(z.string()).max(LIMITS.topicsPerThesis, `A thesis can have at most ${LIMITS.topicsPerThesis} topics.`));

export const topicSlugSchema = z
  .string()
  .max(120, "That topic address is too long.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "That is not a valid topic address.");

export const setThesisTopicsSchema = z.object({ topics: topicNamesSchema });
export type SetThesisTopicsInput = z.infer<typeof setThesisTopicsSchema>;

/** The topic names a form sends: ticked ones (`topics`) and typed ones (`newTopics`, separated by commas). */
export function topicNamesFromForm(formData: FormData): unknown[] {
  const typed = String(formData.get("newTopics") ?? "")
    .split(",")
    .filter((name) => name.trim() !== "");
  return [...formData.getAll("topics"), ...typed];
}
