import { db } from "@/server/db";

/**
 * The administrator a command-line import or export acts as: the one named (handle or email), or else the
 * first administrator. Whoever runs these scripts holds the database, so this only decides whose name the
 * moderation log shows and what an export may include.
 */
export async function commandLineAdministrator(named: string | undefined) {
  const admin = await db.user.findFirst({
    where: { role: "ADMIN", ...(named ? { OR: [{ handle: named }, { email: named.toLowerCase() }] } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, handle: true },
  });
  if (!admin) {
    throw new Error(named ? `No administrator has the handle or email "${named}".` : "This site has no administrator yet: create one with npm run admin:create.");
  }
  return admin;
}
