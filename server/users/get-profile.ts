import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { readableThesisWhere, type Viewer } from "../access/visibility";

const PROFILE_LIST = 50;

/**
 * Public profile: the user's theses and arguments, newest first. A hidden thesis, and arguments in one, are
 * listed only for viewers who may read that thesis (its title would show otherwise).
 */
export async function getProfile(handle: string, viewer?: Viewer) {
  const readableThesis = readableThesisWhere(viewer);
  if (!/^[a-z0-9-]{1,40}$/.test(handle)) throw new NotFoundError("No member has that handle.");
  const user = await db.user.findUnique({
    where: { handle },
    select: {
      id: true,
      name: true,
      handle: true,
      role: true,
      createdAt: true,
      _count: { select: { theses: true, arguments: true } },
      theses: {
        where: readableThesis,
        orderBy: { createdAt: "desc" },
        take: PROFILE_LIST,
        select: { id: true, slug: true, title: true, argumentCount: true, proCount: true, conCount: true, createdAt: true },
      },
      arguments: {
        orderBy: { createdAt: "desc" },
        take: PROFILE_LIST,
        where: { status: "VISIBLE", thesis: readableThesis },
        select: {
          id: true,
          stance: true,
          body: true,
          depth: true,
          createdAt: true,
          thesis: { select: { slug: true, title: true } },
        },
      },
    },
  });
  if (!user) throw new NotFoundError("No member has that handle.");
  return user;
}
