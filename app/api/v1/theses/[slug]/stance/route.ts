import { apiRoute } from "@/server/api/route-handler";
import { stanceBodySchema } from "@/lib/validation/vote";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { getStanceSummary } from "@/server/stances/get-stance-summary";
import { setThesisStance } from "@/server/stances/set-thesis-stance";

/** GET: how members stand on the thesis (counts from −2 to 2), and the caller's own stance if signed in. */
export const GET = apiRoute<{ slug: string }>(async ({ params, viewer }) => {
  const thesis = await getThesisBySlug(params.slug, viewer);
  return { stances: await getStanceSummary(thesis.id, viewer?.id) };
});

/** PUT { value: -2…2 }: state or change where the caller stands. */
export const PUT = apiRoute<{ slug: string }>(async ({ params, json, requireUser, viewer }) => {
  const { value } = await json(stanceBodySchema);
  const actor = await requireUser();
  const thesis = await getThesisBySlug(params.slug, viewer);
  await setThesisStance({ actor, thesisId: thesis.id, value });
  return { stances: await getStanceSummary(thesis.id, actor.id) };
});

/** DELETE: clear the caller's stance. */
export const DELETE = apiRoute<{ slug: string }>(async ({ params, requireUser, viewer }) => {
  const actor = await requireUser();
  const thesis = await getThesisBySlug(params.slug, viewer);
  await setThesisStance({ actor, thesisId: thesis.id, value: null });
  return { stances: await getStanceSummary(thesis.id, actor.id) };
});
