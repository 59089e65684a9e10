import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { NotFoundError } from "../errors";
import { slugSchema } from "@/lib/validation/thesis";
import { redactHiddenThesis, viewerModeratesThesis, type Viewer } from "../access/visibility";

/** `viewer` decides whether a hidden thesis's text is sent (owner and moderators only); absent means a visitor. */
export async function getThesisBySlug(slug: string, viewer?: Viewer) {
  if (!slugSchema.safeParse(slug).success) throw new NotFoundError("No thesis lives at that address.");
  const found = await db.thesis.findUnique({ where: { slug }, select: thesisViewSelect });
  if (!found) throw new NotFoundError("No thesis lives at that address.");
  return presentThesis(found, viewer);
}

/** What every thesis view reads of a thesis; also joined onto an argument when the API starts from one. */
export const thesisViewSelect = {
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
} satisfies Prisma.ThesisSelect;

/** A thesis row as `viewer` may read it (a hidden thesis's text only for its owner and moderators). */
export async function presentThesis(found: Prisma.ThesisGetPayload<{ select: typeof thesisViewSelect }>, viewer?: Viewer) {
  const thesis = { ...found, topics: found.topics.map((link) => link.topic) };
  const moderates = thesis.visibility === "HIDDEN" && (await viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.author.id }));
  return redactHiddenThesis(thesis, viewer, moderates);
}

export type ThesisForPage = Awaited<ReturnType<typeof getThesisBySlug>>;
