import { describe, expect, it, vi } from "vitest";

// Only the session is faked: everything below it (the member re-read, the database) is real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: () => fakeAuthSession(session.userId) };
});

import { db } from "@/server/db";
import { DELETE as unwatchRoute, PUT as watchRoute } from "@/app/api/v1/watches/route";
import { GET as listRoute } from "@/app/api/v1/notifications/route";
import { POST as readRoute } from "@/app/api/v1/notifications/read/route";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { makeArgument, makeThesis, makeUser } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

async function call(userId: string | null, handler: unknown, { method = "GET", url = "http://localhost/api", body }: { method?: string; url?: string; body?: unknown } = {}) {
  session.userId = userId;
  try {
    const request = new Request(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return await (handler as (r: Request, c: { params: Promise<object> }) => Promise<Response>)(request, { params: Promise.resolve({}) });
  } finally {
    session.userId = null;
  }
}

describe("watches API", () => {
  it("watches and unwatches, and answers bad, missing and hidden targets with a 4xx that changes nothing", async () => {
    const [owner, member] = await Promise.all([makeUser(), makeUser()]);
    const moderator = await makeMember({ role: "MODERATOR" });
    const thesis = await makeThesis(owner);
    const hidden = await makeArgument(owner, { thesisId: thesis.id });
    await performModerationAction({ actor: moderator, input: { action: "HIDE", targetType: "ARGUMENT", targetId: hidden.id, reason: "Spam" } });
    const watchesOfMember = () => db.watch.count({ where: { userId: member.id } });

    const put = await call(member.id, watchRoute, { method: "PUT", body: { targetType: "THESIS", targetId: thesis.id } });
    expect(put.status).toBe(200);
    expect((await put.json()).watch).toEqual({ targetType: "THESIS", targetId: thesis.id, watching: true });
    expect(await watchesOfMember()).toBe(1);

    const refusals: [string | null, unknown, number, RegExp][] = [
      [null, { targetType: "THESIS", targetId: thesis.id }, 401, /Sign in/],
      [member.id, { targetType: "THESIS", targetId: "nosuchthesis" }, 404, /does not exist/],
      [member.id, { targetType: "ARGUMENT", targetId: hidden.id }, 404, /does not exist/],
      [member.id, { targetType: "SOURCE", targetId: thesis.id }, 422, /THESIS or an ARGUMENT/],
      [member.id, { targetType: "THESIS", targetId: "bad id!" }, 422, /Malformed id/],
      [member.id, "{oops", 400, /not valid JSON/],
    ];
    for (const [userId, body, status, message] of refusals) {
      const response = await call(userId, watchRoute, { method: "PUT", body });
      expect([response.status, JSON.stringify(await response.json())]).toEqual([status, expect.stringMatching(message)]);
    }
    expect(await watchesOfMember()).toBe(1);

    const del = await call(member.id, unwatchRoute, { method: "DELETE", body: { targetType: "THESIS", targetId: thesis.id } });
    expect((await del.json()).watch.watching).toBe(false);
    expect(await watchesOfMember()).toBe(0);
  });
});

describe("notifications API", () => {
  it("lists the caller's notifications by cursor and marks them read", async () => {
    const [author, replier] = await Promise.all([makeUser(), makeUser()]);
    const thesis = await makeThesis(replier);
    for (let i = 0; i < 2; i++) {
      const argument = await makeArgument(author, { thesisId: thesis.id });
      await makeArgument(replier, { thesisId: thesis.id, parentId: argument.id });
    }
    const list = await call(author.id, listRoute, { url: "http://localhost/api/v1/notifications?unread=1" });
    expect(list.status).toBe(200);
    const page = await list.json();
    expect(page.unread).toBe(2);
    expect(page.items.map((i: { kind: string; href: string }) => i.kind)).toEqual(["REPLY", "REPLY"]);
    expect(page.nextCursor).toBeNull();

    expect((await call(null, listRoute)).status).toBe(401);
    expect((await call(author.id, listRoute, { url: "http://localhost/api?cursor=garbage!" })).status).toBe(422);
    expect((await call(author.id, listRoute, { url: "http://localhost/api?unread=yes" })).status).toBe(422);
    expect((await call(author.id, readRoute, { method: "POST", body: { ids: [] } })).status).toBe(422);
    expect((await call(author.id, readRoute, { method: "POST", body: { all: false } })).status).toBe(422);
    expect(await db.notification.count({ where: { userId: author.id, readAt: null } })).toBe(2);

    const one = await call(author.id, readRoute, { method: "POST", body: { ids: [page.items[0].id] } });
    expect(await one.json()).toEqual({ marked: 1, unread: 1 });
    const all = await call(author.id, readRoute, { method: "POST", body: { all: true } });
    expect(await all.json()).toEqual({ marked: 1, unread: 0 });
  });
});
