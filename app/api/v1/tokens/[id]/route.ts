import { apiRoute } from "@/server/api/route-handler";
import { revokeApiTokenSchema } from "@/lib/validation/api-token";
import { revokeApiToken } from "@/server/auth/api-tokens";

/** DELETE: revoke one of the caller's tokens. Revoking only takes access away, so suspended members may. */
export const DELETE = apiRoute<{ id: string }>(async ({ params, requireSessionUser }) => {
  const actor = await requireSessionUser({ allowSuspended: true });
  const { tokenId } = revokeApiTokenSchema.parse({ tokenId: params.id });
  return { token: await revokeApiToken({ actor, tokenId }) };
});
