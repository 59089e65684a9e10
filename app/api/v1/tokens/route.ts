import { apiRoute } from "@/server/api/route-handler";
import { createApiTokenSchema } from "@/lib/validation/api-token";
import { createApiToken, listApiTokens } from "@/server/auth/api-tokens";

/** The caller's tokens, revoked ones included; never their secrets or digests. */
export const GET = apiRoute(async ({ requireSessionUser }) => {
  const viewer = await requireSessionUser({ allowSuspended: true });
  return { tokens: await listApiTokens({ userId: viewer.id }) };
});

/** POST { name }: the answer carries the token's secret, the only time it is ever sent. */
export const POST = apiRoute(
  async ({ json, requireSessionUser }) => {
    // The caller is checked before the body, so a token caller learns nothing but the refusal.
    const actor = await requireSessionUser();
    return createApiToken({ actor, input: await json(createApiTokenSchema) });
  },
  { status: 201 },
);
