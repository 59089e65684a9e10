import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Only the session cookie is faked: the API routes resolve the caller from the database as every request does.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: () => fakeAuthSession(session.userId) };
});

import { db } from "@/server/db";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/theses/route";
import { PUT as topicsRoute } from "@/app/api/v1/theses/[slug]/topics/route";
import { createThesisSchema } from "@/lib/validation/thesis";
import { topicSlug } from "@/lib/validation/topic";
import { updateThesisTopics } from "@/server/topics/update-thesis-topics";
import { ForbiddenError } from "@/server/errors";
import { encodeThesisCursor } from "@/server/theses/thesis-cursor";
import { makeThesis } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

process.env.AGORA_RATE_LIMITS = "off";

const unique = (name: string) => `${name} ${randomUUID().slice(0, 8)}`;

async function topicOf(name: string) {
  return db.topic.findUniqueOrThrow({ where: { slug: topicSlug(name) }, select: { id: true, name: true, thesisCount: true } });
}

async function call(route: (request: Request, context: never) => Promise<Response>, url: string, init: RequestInit & { as?: string } = {}, params: object = {}) {
  session.userId = init.as ?? null;
  try {
    const response = await route(new Request(`http://agora.test${url}`, init), { params: Promise.resolve(params) } as never);
    return { status: response.status, body: await response.json() };
  } finally {
    session.userId = null;
  }
}

const json = (body: unknown, as: string, method = "POST") => ({ method, as, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("topics", () => {
  it("files a new thesis under new and existing topics, matched by slug, with counts kept", async () => {
    const author = await makeMember();
    const war = unique("Russia–Ukraine war");
    const sanctions = unique("Sanctions");
    const first = await makeThesis(author, undefined, [war]);
    expect(await topicOf(war)).toMatchObject({ name: war, thesisCount: 1 });

    // Case and spacing do not make another topic; the same topic twice counts once.
    const second = await makeThesis(author, undefined, [war.toUpperCase(), `  ${sanctions} `, sanctions.toLowerCase()]);
    expect(second.topics.map((t) => t.name).sort()).toEqual([war, sanctions].sort());
    expect(await topicOf(war)).toMatchObject({ name: war, thesisCount: 2 });
    expect(await topicOf(sanctions)).toMatchObject({ thesisCount: 1 });
    expect(await db.thesisTopic.count({ where: { thesisId: { in: [first.id, second.id] } } })).toBe(3);
  });

  it("refuses too many, too long, too short and unaddressable topic names, creating nothing", async () => {
    const errors = (topics: unknown) => createThesisSchema.safeParse({ title: "A thesis", topics }).error?.flatten().fieldErrors.topics;
    expect(errors(["a1", "b2", "c3", "d4", "e5", "f6"])).toEqual(["A thesis can have at most 5 topics."]);
    expect(errors(["x".repeat(41)])).toEqual(["Topic names can have at most 40 characters."]);
    expect(errors(["x"])).toEqual(["Topic names need at least 2 characters."]);
    expect(errors(["Війна"])?.[0]).toMatch(/Latin letter or a digit/);
    expect(errors("Sanctions")).toEqual(["Topics must be a list of names."]);
    expect(createThesisSchema.parse({ title: "A thesis" }).topics).toEqual([]);

    const author = await makeMember();
    const title = unique("Refused thesis");
    const name = unique("Never created");
    const answer = await call(createRoute, "/api/v1/theses", json({ title, topics: [name, "x".repeat(41)] }, author.id));
    expect(answer.status).toBe(422);
    expect(answer.body.error.fields.topics).toEqual(["Topic names can have at most 40 characters."]);
    expect(await db.thesis.count({ where: { title } })).toBe(0);
    expect(await db.topic.count({ where: { slug: topicSlug(name) } })).toBe(0);
  });

  it("lets the owner and moderators refile a thesis, and nobody else", async () => {
    const [owner, stranger, moderator] = await Promise.all([makeMember(), makeMember(), makeMember({ role: "MODERATOR" })]);
    const [keep, drop, add] = [unique("Keep"), unique("Drop"), unique("Add")];
    const thesis = await makeThesis(owner, undefined, [keep, drop]);

    await expect(updateThesisTopics({ actorId: stranger.id, slug: thesis.slug, input: { topics: [] } })).rejects.toBeInstanceOf(ForbiddenError);
    const refused = await call(topicsRoute, `/api/v1/theses/${thesis.slug}/topics`, json({ topics: [add] }, stranger.id, "PUT"), { slug: thesis.slug });
    expect(refused.status).toBe(403);
    expect(await db.topic.count({ where: { slug: topicSlug(add) } })).toBe(0);

    const saved = await call(topicsRoute, `/api/v1/theses/${thesis.slug}/topics`, json({ topics: [keep, add] }, owner.id, "PUT"), { slug: thesis.slug });
    expect(saved.status).toBe(200);
    expect(saved.body.topics.map((t: { name: string }) => t.name).sort()).toEqual([keep, add].sort());
    expect((await topicOf(drop)).thesisCount).toBe(0);
    expect((await topicOf(add)).thesisCount).toBe(1);

    await updateThesisTopics({ actorId: moderator.id, slug: thesis.slug, input: { topics: [drop] } });
    expect([(await topicOf(keep)).thesisCount, (await topicOf(drop)).thesisCount, (await topicOf(add)).thesisCount]).toEqual([0, 1, 0]);
  });

  it("answers GET /api/v1/theses by topic, and refuses a bad sort, cursor or topic", async () => {
    const author = await makeMember();
    const name = unique("Api topic");
    const thesis = await makeThesis(author, undefined, [name]);
    await makeThesis(author);
    const slug = topicSlug(name);

    const listed = await call(listRoute, `/api/v1/theses?topic=${slug}&sort=newest`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ sort: "newest", topic: { slug, name, thesisCount: 1 }, nextCursor: null });
    expect(listed.body.theses.map((t: { id: string }) => t.id)).toEqual([thesis.id]);
    expect(listed.body.theses[0].topics).toEqual([{ slug, name }]);

    expect((await call(listRoute, "/api/v1/theses?sort=loudest")).status).toBe(422);
    expect((await call(listRoute, "/api/v1/theses?cursor=not-a-cursor")).status).toBe(422);
    expect((await call(listRoute, `/api/v1/theses?topic=no-such-topic-${randomUUID().slice(0, 8)}`)).status).toBe(404);
    expect((await call(listRoute, "/api/v1/theses?topic=Not%20A%20Slug")).status).toBe(422);
    // A cursor belongs to its order: one made for "newest" is refused by "argued".
    const newest = encodeThesisCursor({ sort: "newest", key: Date.now(), id: thesis.id });
    expect((await call(listRoute, `/api/v1/theses?sort=newest&cursor=${newest}`)).status).toBe(200);
    expect((await call(listRoute, `/api/v1/theses?sort=argued&cursor=${newest}`)).status).toBe(422);
  });
});
