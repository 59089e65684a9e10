import "server-only";
import { db } from "../db";
import { isGlobalModerator, moderatedThesisIds, type GlobalRole } from "../access/permissions";

const MAX_CHOICES = 500;

/**
 * The theses the review queue's thesis filter offers, title for people and slug for the filter: the ones this
 * viewer moderates (owned or appointed), or for site moderators, who moderate them all, every thesis with review
 * items (the only ones the filter can find anything in).
 */
export async function listQueueTheses(viewer: { id: string; role: GlobalRole }) {
  const ids = isGlobalModerator(viewer)
    ? (
        await db.reviewItem.findMany({
          where: { thesisId: { not: null } },
          distinct: ["thesisId"],
          select: { thesisId: true },
          take: MAX_CHOICES,
        })
      ).map((item) => item.thesisId!)
    : await moderatedThesisIds(db, viewer.id);
  return db.thesis.findMany({ where: { id: { in: ids } }, orderBy: { title: "asc" }, take: MAX_CHOICES, select: { slug: true, title: true } });
}
