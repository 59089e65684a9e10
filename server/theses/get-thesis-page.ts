import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { slugSchema } from "@/lib/validation/thesis";
import { argumentNodeSelect, INLINE_DEPTH } from "../arguments/argument-select";
import { redactHiddenArguments, redactHiddenThesis, viewerModeratesThesis, type Viewer } from "../moderation/redact";

/** `viewer` decides whether a hidden thesis's text is sent (owner and moderators only); absent means a visitor. */
export async function getThesisBySlug(slug: string, viewer?: Viewer) {
  if (!slugSchema.safeParse(slug).success) throw new NotFoundError("No thesis lives at that address.");
  const thesis = await db.thesis.findUnique({
    where: { slug },
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
    },
  });
  if (!thesis) throw new NotFoundError("No thesis lives at that address.");
  const moderates = thesis.visibility === "HIDDEN" && (await viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.author.id }));
  return redactHiddenThesis(thesis, viewer, moderates);
}

/**
 * A thesis and every argument down to INLINE_DEPTH in a fixed number of queries, whatever the size of the
 * debate: one for the thesis, one for the arguments (Prisma adds one for their authors).
 */
export async function getThesisPage(slug: string, viewer?: Viewer) {
  const thesis = await getThesisBySlug(slug, viewer);
  const rows = await db.argument.findMany({
    where: { thesisId: thesis.id, depth: { lte: INLINE_DEPTH } },
    select: argumentNodeSelect,
  });
  const moderates = rows.some((row) => row.status === "HIDDEN") && (await viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.author.id }));
  const argumentRows = redactHiddenArguments(rows, viewer, moderates);
  return { thesis, argumentRows, viewerModerates: moderates };
}
