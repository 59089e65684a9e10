import { describe, expect, it, vi } from "vitest";

// Only the session is faked: requireUser re-reads the member (suspension included) and everything below is real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: () => fakeAuthSession(session.userId) };
});

import { db } from "@/server/db";
import { DELETE as withdrawRoute, PUT as voteRoute } from "@/app/api/v1/arguments/[id]/vote/route";
import { DELETE as clearStanceRoute, GET as stanceRoute, PUT as putStanceRoute } from "@/app/api/v1/theses/[slug]/stance/route";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

function call(handler: unknown, params: object, { method = "PUT", body, contentType = "application/json" }: { method?: string; body?: unknown; contentType?: string } = {}) {
  const request = new Request("http://localhost/api", {
    method,
    headers: body === undefined ? {} : { "content-type": contentType },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return (handler as (r: Request, c: { params: Promise<object> }) => Promise<Response>)(request, { params: Promise.resolve(params) });
}

async function as<T>(userId: string | null, run: () => Promise<T>): Promise<T> {
  session.userId = userId;
  try {
    return await run();
  } finally {
    session.userId = null;
  }
}

const counts = (argumentId: string) =>
  db.argument.findUniqueOrThrow({ where: { id: argumentId }, select: { upCount: true, downCount: true, staleUpCount: true, staleDownCount: true } });

describe("vote API", () => {
  it("answers every bad request with a clear 4xx and leaves the counts untouched", async () => {
    const [author, voter, suspended] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    await db.user.update({ where: { id: suspended.id }, data: { suspendedUntil: new Date(Date.now() + 86_400_000) } });
    const thesis = await makeThesis(author);
    const argument = await makeArgument(author, { thesisId: thesis.id });
    const params = { id: argument.id };

    const ok = await as(voter.id, () => call(voteRoute, params, { body: { value: 1 } }));
    expect(ok.status).toBe(200);
    expect((await ok.json()).vote).toMatchObject({ value: 1, upCount: 1, changed: true });
    const before = await counts(argument.id);

    const expectations: [string | null, () => Promise<Response>, number, RegExp][] = [
      [null, () => as(null, () => call(voteRoute, params, { body: { value: 1 } })), 401, /Sign in/],
      [null, () => as(null, () => call(withdrawRoute, params, { method: "DELETE" })), 401, /Sign in/],
      [suspended.id, () => as(suspended.id, () => call(voteRoute, params, { body: { value: -1 } })), 403, /suspended/],
      [author.id, () => as(author.id, () => call(voteRoute, params, { body: { value: 1 } })), 403, /your own argument/],
      [voter.id, () => as(voter.id, () => call(voteRoute, params, { body: { value: 0 } })), 422, /1 \(convincing\) or -1/],
      [voter.id, () => as(voter.id, () => call(voteRoute, params, { body: { value: "1" } })), 422, /1 \(convincing\) or -1/],
      [voter.id, () => as(voter.id, () => call(voteRoute, params, { body: {} })), 422, /./],
      [voter.id, () => as(voter.id, () => call(voteRoute, params, { body: "{oops" })), 400, /not valid JSON/],
      [voter.id, () => as(voter.id, () => call(voteRoute, params, { body: "value=1", contentType: "text/plain" })), 415, /application\/json/],
      [voter.id, () => as(voter.id, () => call(voteRoute, { id: "nosuchargument" }, { body: { value: 1 } })), 404, /does not exist/],
      [voter.id, () => as(voter.id, () => call(voteRoute, { id: "bad id!" }, { body: { value: 1 } })), 404, /Nothing lives at that address/],
      [voter.id, () => as(voter.id, () => call(voteRoute, { id: "\u0000" }, { body: { value: 1 } })), 404, /NOT_FOUND/],
    ];
    for (const [, send, status, message] of expectations) {
      const response = await send();
      expect(response.status).toBe(status);
      // The message may be the error itself or a field's (zod failures name the field).
      expect(JSON.stringify(await response.json())).toMatch(message);
    }
    expect(await counts(argument.id)).toEqual(before);

    // Replays: the same PUT twice, and DELETE twice, change the counts once.
    const replay = await as(voter.id, () => call(voteRoute, params, { body: { value: 1 } }));
    expect((await replay.json()).vote).toMatchObject({ value: 1, upCount: 1, changed: false });
    for (const expectChanged of [true, false]) {
      const gone = await as(voter.id, () => call(withdrawRoute, params, { method: "DELETE" }));
      expect(gone.status).toBe(200);
      expect((await gone.json()).vote).toMatchObject({ value: null, upCount: 0, changed: expectChanged });
    }

    // Hidden argument, then locked thesis.
    await db.argument.update({ where: { id: argument.id }, data: { status: "HIDDEN" } });
    const hidden = await as(voter.id, () => call(voteRoute, params, { body: { value: 1 } }));
    expect(hidden.status).toBe(403);
    await db.argument.update({ where: { id: argument.id }, data: { status: "VISIBLE" } });
    await db.thesis.update({ where: { id: thesis.id }, data: { status: "LOCKED" } });
    const locked = await as(voter.id, () => call(voteRoute, params, { body: { value: -1 } }));
    expect(locked.status).toBe(403);
    expect((await locked.json()).error).toMatchObject({ code: "THESIS_LOCKED", message: expect.stringMatching(/locked/) });
    expect(await counts(argument.id)).toEqual({ upCount: 0, downCount: 0, staleUpCount: 0, staleDownCount: 0 });
  });
});

describe("stance API", () => {
  it("states, changes and clears a stance; refuses signed-out, suspended and malformed requests", async () => {
    const [owner, member, suspended] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    await db.user.update({ where: { id: suspended.id }, data: { suspendedUntil: new Date(Date.now() + 86_400_000) } });
    const thesis = await makeThesis(owner);
    const params = { slug: thesis.slug };

    const put = await as(member.id, () => call(putStanceRoute, params, { body: { value: -2 } }));
    expect(put.status).toBe(200);
    expect((await put.json()).stances).toMatchObject({ total: 1, mine: -2 });
    await as(member.id, () => call(putStanceRoute, params, { body: { value: 1 } }));
    const read = await as(null, () => call(stanceRoute, params, { method: "GET" }));
    expect((await read.json()).stances).toEqual({ counts: { "-2": 0, "-1": 0, "0": 0, "1": 1, "2": 0 }, total: 1, mine: null });

    expect((await as(null, () => call(putStanceRoute, params, { body: { value: 1 } }))).status).toBe(401);
    expect((await as(suspended.id, () => call(putStanceRoute, params, { body: { value: 1 } }))).status).toBe(403);
    expect((await as(member.id, () => call(putStanceRoute, params, { body: { value: 3 } }))).status).toBe(422);
    expect((await as(member.id, () => call(putStanceRoute, { slug: "no-such-thesis-here" }, { body: { value: 1 } }))).status).toBe(404);

    const cleared = await as(member.id, () => call(clearStanceRoute, params, { method: "DELETE" }));
    expect((await cleared.json()).stances).toMatchObject({ total: 0, mine: null });
  });
});
