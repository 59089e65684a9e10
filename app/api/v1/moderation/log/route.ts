import { z } from "zod";
import { apiRoute } from "@/server/api/route-handler";
import { positiveIntParam } from "@/lib/validation/primitives";
import { ForbiddenError, UnauthorizedError } from "@/server/errors";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { listModerationLog } from "@/server/moderation/list-moderation-log";

/** `?thesis=<slug>`: that thesis's log, public. Without it: the whole log, administrators only. */
export const GET = apiRoute(async ({ request, viewer }) => {
  const params = new URL(request.url).searchParams;
  const before = params.has("before") ? z.object({ before: positiveIntParam("before") }).parse({ before: params.get("before") }).before : undefined;
  const slug = params.get("thesis");
  if (slug) {
    const thesis = await getThesisBySlug(slug, viewer);
    return listModerationLog({ thesisId: thesis.id, before });
  }
  if (!viewer) throw new UnauthorizedError();
  if (viewer.role !== "ADMIN") throw new ForbiddenError("Only administrators can read the whole log; a thesis's log is public.");
  return listModerationLog({ before });
});
