import { apiRoute } from "@/server/api/route-handler";
import { ForbiddenError } from "@/server/errors";
import { verifyModerationLog } from "@/server/moderation/log";

export const GET = apiRoute(async ({ requireUser }) => {
  const viewer = await requireUser();
  if (viewer.role !== "ADMIN") throw new ForbiddenError("Only administrators can verify the log.");
  return verifyModerationLog();
});
