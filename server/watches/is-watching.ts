import "server-only";
import { db } from "../db";

/** Whether the member watches this thesis or argument (false for visitors). */
export async function isWatching(userId: string | undefined, targetType: "THESIS" | "ARGUMENT", targetId: string): Promise<boolean> {
  if (!userId) return false;
  const watch = await db.watch.findUnique({
    where: { userId_targetType_targetId: { userId, targetType, targetId } },
    select: { id: true },
  });
  return watch !== null;
}
