import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { slugSchema } from "@/lib/validation/thesis";
import { redactHiddenThesis, viewerModeratesThesis, type Viewer } from "../access/visibility";

/** `viewer` decides whether a hidden thesis's text is sent (owner and moderators only); absent means a visitor. */
export async function getThesisBySlug(slug: string, viewer?: Viewer) {
  if (!slugSchema.safeParse(slug).success) throw new NotFoundError("No thesis lives at that address.");
  return getThesis({ slug }, viewer);
}

/** The same by id, for callers that start from one of its arguments. */
export async function getThesisById(id: string, viewer?: Viewer) {
  return getThesis({ id }, viewer);
}

async function getThesis(where: { slug: string } | { id: string }, viewer?: Viewer) {
  const found = await db.thesis.findUnique({
    where,
    select: {
      id: true,
      slug: true,
      title: true,
      body: true,
      status: true,
      argumentCount: true,
      proCount: true,
      conCount: true,
      createdAt: true,
      author: { select: { id: true, name: true, handle: true } },
      visibility: true,
      moderationNote: true,
      // Kept on write (server/strength/keep-strength.ts): read, never recomputed, by pages.
      strength: true,
      supportProduct: true,
      attackProduct: true,
      topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { slug: "asc" } } },
    },
  });
  if (!found) throw new NotFoundError("No thesis lives at that address.");
  const thesis = { ...found, topics: found.topics.map((link) => link.topic) };
  const moderates = thesis.visibility === "HIDDEN" && (await viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.author.id }));
  return redactHiddenThesis(thesis, viewer, moderates);
}

export type ThesisForPage = Awaited<ReturnType<typeof getThesisBySlug>>;
