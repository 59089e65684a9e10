import { apiRoute } from "@/server/api/route-handler";
import { listRevisions } from "@/server/arguments/list-revisions";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer }) => ({ argument: await listRevisions(params.id, viewer) }));
