import { apiRoute } from "@/server/api/route-handler";
import { openApiDocument } from "@/server/api/openapi";

/** The OpenAPI 3.1 contract of /api/v1, built from the schemas the routes validate with. */
export const GET = apiRoute(async () => openApiDocument());
