import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: () => fakeAuthSession(session.userId) };
});

import { db } from "@/server/db";
import { GET as searchRoute } from "@/app/api/v1/search/route";
import { searchContent } from "@/server/search/search-content";
import { searchParamsSchema } from "@/lib/validation/search";
import { topicSlug } from "@/lib/validation/topic";
import { makeArgument, makeThesis } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

process.env.AGORA_RATE_LIMITS = "off";

/** A word no other test writes (letters only, so the English stemmer leaves it whole). */
const uniqueWord = () => `zq${randomUUID().replace(/[^a-f]/g, "").slice(0, 10)}x`;

async function ids(q: string, extra: Record<string, string>) {
  const { hits } = await searchContent({ params: searchParamsSchema.parse({ q, ...extra }), viewer: null });
  return hits.map((h) => h.id).sort();
}

async function api(query: Record<string, string>) {
  const response = await searchRoute(new Request(`http://agora.test/api/v1/search?${new URLSearchParams(query)}`), { params: Promise.resolve({}) } as never);
  return { status: response.status, body: await response.json() };
}

describe("search filters: topic, author, dates", () => {
  it("keeps to one topic's theses and their arguments, one member's writing, and a date range", async () => {
    const [alice, bob] = await Promise.all([makeMember(), makeMember()]);
    const word = uniqueWord();
    const topic = `Search topic ${randomUUID().slice(0, 8)}`;
    const filed = await makeThesis(alice, `${word} filed thesis`, [topic]);
    const loose = await makeThesis(bob, `${word} loose thesis`);
    const filedArgument = await makeArgument(bob, { thesisId: filed.id, body: `Bob argues ${word} here.` });
    const looseArgument = await makeArgument(alice, { thesisId: loose.id, body: `Alice argues ${word} there.` });
    const everything = [filed.id, loose.id, filedArgument.id, looseArgument.id].sort();
    expect(await ids(word, {})).toEqual(everything);

    expect(await ids(word, { topic: topicSlug(topic) })).toEqual([filed.id, filedArgument.id].sort());
    expect(await ids(word, { author: bob.handle })).toEqual([loose.id, filedArgument.id].sort());
    expect(await ids(word, { author: bob.handle, topic: topicSlug(topic), kind: "argument" })).toEqual([filedArgument.id]);

    await db.argument.update({ where: { id: looseArgument.id }, data: { createdAt: new Date("2025-03-10T12:00:00Z") } });
    expect(await ids(word, { from: "2025-03-10", to: "2025-03-10" })).toEqual([looseArgument.id]);
    expect(await ids(word, { to: "2025-03-09" })).toEqual([]);
    expect(await ids(word, { from: "2025-03-11" })).toEqual([filed.id, loose.id, filedArgument.id].sort());
  });

  it("refuses an unknown topic or member and bad dates with 422", async () => {
    const q = uniqueWord();
    const topic = await api({ q, topic: `no-such-topic-${randomUUID().slice(0, 8)}` });
    expect(topic).toMatchObject({ status: 422, body: { error: { code: "VALIDATION_FAILED", fields: { topic: ["No topic has that address."] } } } });
    const author = await api({ q, author: `nobody-${randomUUID().slice(0, 8)}` });
    expect(author).toMatchObject({ status: 422, body: { error: { code: "VALIDATION_FAILED", fields: { author: ["No member has that handle."] } } } });
    expect((await api({ q, from: "10/03/2025" })).body.error.fields.from).toEqual(["Give the date as YYYY-MM-DD."]);
    expect((await api({ q, from: "2025-03-11", to: "2025-03-10" })).body.error.fields.to).toEqual(["The start date is after the end date."]);
  });
});
