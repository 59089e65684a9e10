import "server-only";
import type { Tx } from "../db";
import { NotFoundError } from "../errors";
import { setStrengthCounted } from "../strength/keep-strength";

export type ContentTargetType = "ARGUMENT" | "THESIS" | "SOURCE" | "QUOTE";

export interface ContentTarget {
  type: ContentTargetType;
  id: string;
  /** The thesis whose owner and moderators may act on it; null for sources and quotes, which are site-wide. */
  thesisId: string | null;
  authorId: string;
  visibility: "VISIBLE" | "HIDDEN";
}

const NOUNS: Record<ContentTargetType, string> = { ARGUMENT: "argument", THESIS: "thesis", SOURCE: "source", QUOTE: "quote" };

export function targetNoun(type: ContentTargetType): string {
  return NOUNS[type];
}

/** Finds the flagged or moderated content, or refuses with a 404 naming what is missing. */
export async function loadContentTarget(tx: Tx, type: ContentTargetType, id: string): Promise<ContentTarget> {
  const found = await findContentTarget(tx, type, id);
  if (!found) throw new NotFoundError(`That ${NOUNS[type]} does not exist.`);
  return found;
}

/** The content, or null when it does not exist (a review item may name content that is gone). */
export async function findContentTarget(tx: Tx, type: ContentTargetType, id: string): Promise<ContentTarget | null> {
  switch (type) {
    case "ARGUMENT": {
      const row = await tx.argument.findUnique({ where: { id }, select: { thesisId: true, authorId: true, status: true } });
      return row && { type, id, thesisId: row.thesisId, authorId: row.authorId, visibility: row.status };
    }
    case "THESIS": {
      const row = await tx.thesis.findUnique({ where: { id }, select: { authorId: true, visibility: true } });
      return row && { type, id, thesisId: id, authorId: row.authorId, visibility: row.visibility };
    }
    case "SOURCE": {
      const row = await tx.source.findUnique({ where: { id }, select: { addedById: true, visibility: true } });
      return row && { type, id, thesisId: null, authorId: row.addedById, visibility: row.visibility };
    }
    case "QUOTE": {
      const row = await tx.quote.findUnique({ where: { id }, select: { createdById: true, visibility: true } });
      return row && { type, id, thesisId: null, authorId: row.createdById, visibility: row.visibility };
    }
  }
}

/** Sets the visibility and the reason shown in the placeholder. */
export async function setContentVisibility(
  tx: Tx,
  target: ContentTarget,
  visibility: "VISIBLE" | "HIDDEN",
  note: string | null,
): Promise<void> {
  const data = { moderationNote: note };
  switch (target.type) {
    case "ARGUMENT": {
      // Strength: a hidden argument's branch stops counting. The status is read again under the argument's row
      // lock, so two moderators hiding at once take its factor out once.
      const [before] = await tx.$queryRaw<{ status: "VISIBLE" | "HIDDEN" }[]>`SELECT status FROM "Argument" WHERE id = ${target.id} FOR UPDATE`;
      await tx.argument.update({ where: { id: target.id }, data: { ...data, status: visibility } });
      if (before!.status !== visibility) await setStrengthCounted(tx, target.id, visibility === "VISIBLE");
      return;
    }
    case "THESIS":
      await tx.thesis.update({ where: { id: target.id }, data: { ...data, visibility } });
      return;
    case "SOURCE":
      await tx.source.update({ where: { id: target.id }, data: { ...data, visibility } });
      return;
    case "QUOTE":
      await tx.quote.update({ where: { id: target.id }, data: { ...data, visibility } });
      return;
  }
}
