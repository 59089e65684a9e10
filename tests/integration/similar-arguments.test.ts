import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: () => fakeAuthSession(session.userId) };
});

import { db } from "@/server/db";
import { GET as similarRoute } from "@/app/api/v1/theses/[slug]/similar-arguments/route";
import { findSimilarArguments } from "@/server/arguments/find-similar-arguments";
import { similarArgumentsAction } from "@/server/actions/composer-actions";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

process.env.AGORA_RATE_LIMITS = "off";

const ORIGINAL =
  "Sanctions have badly hurt the Russian economy: growth stalled, inflation rose and the central bank had to raise its rate to 21 percent.";
const DRAFT = "The sanctions hurt Russia's economy badly, growth has stalled and inflation went up, so the central bank raised rates";

async function debate() {
  const user = await makeUser();
  const thesis = await makeThesis(user);
  const post = (body: string, extra: { stance?: "PRO" | "CON"; parentId?: string } = {}) => makeArgument(user, { thesisId: thesis.id, body, ...extra });
  return { user, thesis, post };
}

async function api(slug: string, query: Record<string, string>) {
  const response = await similarRoute(new Request(`http://agora.test/api/v1/theses/${slug}/similar-arguments?${new URLSearchParams(query)}`), {
    params: Promise.resolve({ slug }),
  } as never);
  return { status: response.status, body: await response.json() };
}

describe("similar arguments (has this been said already?)", () => {
  it("ranks a reworded near-duplicate first, replies included, and links to its focus", async () => {
    const { thesis, post } = await debate();
    const parent = await post("Western sanctions failed because Russia rerouted its oil exports to India and China at a modest discount.", { stance: "CON" });
    await post("The economy of Russia stayed resilient thanks to its energy exports and a war economy.", { stance: "CON" });
    await post("Putin needs a victory to justify the war at home, so a compromise that keeps Ukraine sovereign is a defeat.");
    const original = await post(ORIGINAL, { stance: "CON", parentId: parent.id });

    const found = await findSimilarArguments({ thesisId: thesis.id, text: DRAFT });
    expect(found[0]).toMatchObject({ id: original.id, parentId: parent.id, url: `/t/${thesis.slug}/a/${original.id}` });
    expect(found[0]!.score).toBeGreaterThan(0.5);
    // The unrelated argument about Putin's domestic politics is not offered.
    expect(found.every((a) => !a.excerpt.startsWith("Putin needs"))).toBe(true);

    const answer = await api(thesis.slug, { q: DRAFT });
    expect(answer.status).toBe(200);
    expect(answer.body.arguments[0].id).toBe(original.id);
  });

  it("never offers hidden arguments, arguments of another thesis, or the excluded argument", async () => {
    const { thesis, post } = await debate();
    const hidden = await post(ORIGINAL);
    await db.argument.update({ where: { id: hidden.id }, data: { status: "HIDDEN" } });
    const elsewhere = await debate();
    const foreign = await elsewhere.post(ORIGINAL);
    expect(await findSimilarArguments({ thesisId: thesis.id, text: DRAFT })).toEqual([]);
    expect((await findSimilarArguments({ thesisId: elsewhere.thesis.id, text: DRAFT })).map((a) => a.id)).toEqual([foreign.id]);
    expect(await findSimilarArguments({ thesisId: elsewhere.thesis.id, text: ORIGINAL, excludeId: foreign.id })).toEqual([]);

    // Nothing at all from a hidden thesis.
    await db.thesis.update({ where: { id: elsewhere.thesis.id }, data: { visibility: "HIDDEN" } });
    expect(await findSimilarArguments({ thesisId: elsewhere.thesis.id, text: DRAFT })).toEqual([]);
  });

  it("refuses a short, over-long or unknown request with a 4xx", async () => {
    const { thesis } = await debate();
    const short = await api(thesis.slug, { q: "Sanctions hurt" });
    expect(short.status).toBe(422);
    expect(short.body.error.fields.q).toEqual(["Type at least 20 characters to look for similar arguments."]);
    expect((await api(thesis.slug, { q: "x".repeat(2001) })).status).toBe(422);
    expect((await api(thesis.slug, { q: DRAFT, exclude: "not an id!" })).status).toBe(422);
    expect((await api(`no-such-thesis-${randomUUID().slice(0, 8)}`, { q: DRAFT })).status).toBe(404);
  });

  it("answers the composer's and the duplicate picker's action with the same search, and nothing for unusable input", async () => {
    const { thesis, post } = await debate();
    const original = await post(ORIGINAL);
    const duplicate = await post(DRAFT);
    // The picker searches with the flagged argument's own text and leaves that argument out.
    expect((await similarArgumentsAction({ thesisId: thesis.id, q: DRAFT, exclude: duplicate.id })).map((a) => a.id)).toEqual([original.id]);
    expect((await similarArgumentsAction({ thesisId: thesis.id, q: DRAFT })).map((a) => a.id)).toEqual([duplicate.id, original.id]);
    expect(await similarArgumentsAction({ thesisId: thesis.id, q: "Too short" })).toEqual([]);
    expect(await similarArgumentsAction({ thesisId: "not an id!", q: DRAFT })).toEqual([]);
  });
});
