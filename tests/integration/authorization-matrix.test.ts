import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// The session is the only thing faked: everything below it (re-reading the user, suspension, roles, the data
// functions, the database) is the real code path every request takes.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: () => fakeAuthSession(session.userId) };
});

import { db } from "@/server/db";
import { POST as createThesisRoute } from "@/app/api/v1/theses/route";
import { POST as createArgumentRoute } from "@/app/api/v1/theses/[slug]/arguments/route";
import { PATCH as editArgumentRoute } from "@/app/api/v1/arguments/[id]/route";
import { POST as flagRoute } from "@/app/api/v1/flags/route";
import { PUT as voteRoute } from "@/app/api/v1/arguments/[id]/vote/route";
import { PUT as stanceRoute } from "@/app/api/v1/theses/[slug]/stance/route";
import { POST as addSourceRoute } from "@/app/api/v1/sources/route";
import { POST as quoteRoute } from "@/app/api/v1/sources/[id]/quotes/route";
import { POST as moderationRoute } from "@/app/api/v1/moderation/actions/route";
import { GET as queueRoute } from "@/app/api/v1/moderation/queue/route";
import { GET as fullLogRoute } from "@/app/api/v1/moderation/log/route";
import { GET as verifyLogRoute } from "@/app/api/v1/moderation/log/verify/route";
import { createFlag } from "@/server/flags/create-flag";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { makeArgument, makeThesis } from "../support/factories";
import { makeMember, makeSource } from "../support/moderation-fixtures";

// Authorisation is under test here, not throttling: the fixtures post far faster than any member would.
process.env.AGORA_RATE_LIMITS = "off";

const IDENTITIES = ["signedOut", "author", "otherUser", "suspended", "thesisOwner", "moderator", "admin"] as const;
type Identity = (typeof IDENTITIES)[number];

type Users = Record<Exclude<Identity, "signedOut">, Awaited<ReturnType<typeof makeMember>>>;
let users: Users;

/** Fresh content for every cell: a thesis (owned by thesisOwner) with an argument by author. */
async function makeWorld() {
  const thesis = await makeThesis(users.thesisOwner);
  const argument = await makeArgument(users.author, { thesisId: thesis.id, body: "Original text" });
  const other = await makeArgument(users.thesisOwner, { thesisId: thesis.id, stance: "CON", body: "Another argument" });
  const slug = (await db.thesis.findUniqueOrThrow({ where: { id: thesis.id }, select: { slug: true } })).slug;
  return { thesis: { ...thesis, slug }, argument, other };
}
type World = Awaited<ReturnType<typeof makeWorld>>;

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

function call(handler: unknown, { method = "POST", params = {}, body, query = "" }: { method?: string; params?: object; body?: unknown; query?: string }) {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  return (handler as Handler)(new Request(`http://agora.test/api/v1/x${query}`, init), { params: Promise.resolve(params as never) });
}

interface Mutation {
  name: string;
  allowed: Identity[];
  /** Extra state the act needs before it can succeed (a hidden argument to restore, a pending item…). */
  prepare?: (world: World) => Promise<Record<string, string>>;
  run: (world: World, prepared: Record<string, string>) => Promise<Response>;
  /** A moderation act: success must append exactly one log entry by the actor. */
  logged?: boolean;
  /** A fingerprint of the state the mutation would change: must be equal before and after a refusal. */
  state: (world: World, prepared: Record<string, string>) => Promise<unknown>;
}

const SIGNED_IN: Identity[] = ["author", "otherUser", "thesisOwner", "moderator", "admin"];
const THESIS_MODS: Identity[] = ["thesisOwner", "moderator", "admin"];
const SITE_MODS: Identity[] = ["moderator", "admin"];

const moderate = (body: object) => call(moderationRoute, { body });
const argumentState = (id: string) =>
  db.argument.findUniqueOrThrow({ where: { id }, select: { body: true, status: true, moderationNote: true, duplicateOfId: true, replyCount: true } });
const logCount = () => db.moderationAction.count();

/** Hidden by the thesis's owner: a site moderator's hiding could be undone by no one below them (precedence). */
async function hiddenArgument(world: World) {
  await performModerationAction({
    actor: users.thesisOwner,
    input: { action: "HIDE", targetType: "ARGUMENT", targetId: world.argument.id, reason: "Setup" },
  });
  return {};
}

async function pendingReview(world: World) {
  const reporter = await makeMember();
  const { reviewItemId } = await createFlag({ actor: reporter, input: { targetType: "ARGUMENT", targetId: world.argument.id, reason: "SPAM", details: null } });
  return { reviewItemId };
}

async function victim() {
  return { victimId: (await makeMember()).id };
}

const MUTATIONS: Mutation[] = [
  {
    name: "create a thesis",
    allowed: SIGNED_IN,
    prepare: async () => ({ title: `Matrix ${randomUUID()}` }),
    run: (_w, p) => call(createThesisRoute, { body: { title: p.title } }),
    state: (_w, p) => db.thesis.count({ where: { title: p.title } }),
  },
  {
    name: "argue on a thesis",
    allowed: SIGNED_IN,
    run: (w) => call(createArgumentRoute, { params: { slug: w.thesis.slug }, body: { stance: "PRO", body: "New top-level argument" } }),
    state: (w) => db.argument.count({ where: { thesisId: w.thesis.id } }),
  },
  {
    name: "reply to an argument",
    allowed: SIGNED_IN,
    run: (w) => call(createArgumentRoute, { params: { slug: w.thesis.slug }, body: { stance: "CON", body: "A rebuttal", parentId: w.argument.id } }),
    state: (w) => argumentState(w.argument.id),
  },
  {
    name: "edit an argument",
    allowed: ["author"],
    run: (w) => call(editArgumentRoute, { method: "PATCH", params: { id: w.argument.id }, body: { body: "Rewritten" } }),
    state: async (w) => [await argumentState(w.argument.id), await db.argumentRevision.count({ where: { argumentId: w.argument.id } })],
  },
  {
    name: "flag an argument",
    allowed: SIGNED_IN,
    run: (w) => call(flagRoute, { body: { targetType: "ARGUMENT", targetId: w.argument.id, reason: "OFF_TOPIC" } }),
    state: (w) => db.flag.count({ where: { targetId: w.argument.id } }),
  },
  {
    name: "flag a source",
    allowed: SIGNED_IN,
    prepare: async () => ({ sourceId: (await makeSource(users.thesisOwner.id)).id }),
    run: (_w, p) => call(flagRoute, { body: { targetType: "SOURCE", targetId: p.sourceId, reason: "UNSUPPORTED" } }),
    state: (_w, p) => db.flag.count({ where: { targetId: p.sourceId } }),
  },
  {
    // Members vote on others' arguments only: the author's own vote is refused like any forbidden act.
    name: "vote on an argument",
    allowed: ["otherUser", "thesisOwner", "moderator", "admin"],
    run: (w) => call(voteRoute, { method: "PUT", params: { id: w.argument.id }, body: { value: 1 } }),
    state: (w) => db.vote.count({ where: { argumentId: w.argument.id } }),
  },
  {
    name: "state a stance on a thesis",
    allowed: SIGNED_IN,
    run: (w) => call(stanceRoute, { method: "PUT", params: { slug: w.thesis.slug }, body: { value: 1 } }),
    state: (w) => db.thesisStance.count({ where: { thesisId: w.thesis.id } }),
  },
  {
    name: "add a pasted source",
    allowed: SIGNED_IN,
    prepare: async () => ({ title: `Pasted ${randomUUID()}` }),
    run: (_w, p) => call(addSourceRoute, { body: { title: p.title, text: "A pasted report long enough to be kept as a source." } }),
    state: (_w, p) => db.source.count({ where: { title: p.title } }),
  },
  {
    name: "quote a source",
    allowed: SIGNED_IN,
    prepare: async () => ({ sourceId: (await makeSource(users.thesisOwner.id)).id }),
    run: (_w, p) => call(quoteRoute, { params: { id: p.sourceId }, body: { exact: "brown fox" } }),
    state: (_w, p) => db.quote.count({ where: { sourceId: p.sourceId } }),
  },
  {
    name: "hide an argument",
    allowed: THESIS_MODS,
    logged: true,
    run: (w) => moderate({ action: "HIDE", targetType: "ARGUMENT", targetId: w.argument.id, reason: "Insults" }),
    state: async (w) => [await argumentState(w.argument.id), await logCount()],
  },
  {
    name: "restore a hidden argument",
    allowed: THESIS_MODS,
    prepare: hiddenArgument,
    logged: true,
    run: (w) => moderate({ action: "RESTORE", targetType: "ARGUMENT", targetId: w.argument.id }),
    state: (w) => argumentState(w.argument.id),
  },
  {
    name: "mark an argument as a duplicate",
    allowed: THESIS_MODS,
    logged: true,
    run: (w) => moderate({ action: "MARK_DUPLICATE", targetId: w.argument.id, duplicateOfId: w.other.id }),
    state: (w) => argumentState(w.argument.id),
  },
  {
    name: "dismiss a review item",
    allowed: THESIS_MODS,
    prepare: pendingReview,
    logged: true,
    run: (_w, p) => moderate({ action: "DISMISS", reviewItemId: p.reviewItemId }),
    state: (_w, p) => db.reviewItem.findUniqueOrThrow({ where: { id: p.reviewItemId }, select: { status: true, resolvedById: true } }),
  },
  {
    name: "lock a thesis",
    allowed: THESIS_MODS,
    logged: true,
    run: (w) => moderate({ action: "LOCK", thesisId: w.thesis.id, reason: "Flame war" }),
    state: (w) => db.thesis.findUniqueOrThrow({ where: { id: w.thesis.id }, select: { status: true } }),
  },
  {
    name: "unlock a thesis",
    allowed: THESIS_MODS,
    prepare: async (w) => {
      await db.thesis.update({ where: { id: w.thesis.id }, data: { status: "LOCKED" } });
      return {};
    },
    logged: true,
    run: (w) => moderate({ action: "UNLOCK", thesisId: w.thesis.id }),
    state: (w) => db.thesis.findUniqueOrThrow({ where: { id: w.thesis.id }, select: { status: true } }),
  },
  {
    name: "hide a thesis",
    allowed: SITE_MODS,
    logged: true,
    run: (w) => moderate({ action: "HIDE", targetType: "THESIS", targetId: w.thesis.id, reason: "Spam" }),
    state: (w) => db.thesis.findUniqueOrThrow({ where: { id: w.thesis.id }, select: { visibility: true, moderationNote: true } }),
  },
  {
    name: "hide a source",
    allowed: SITE_MODS,
    prepare: async () => ({ sourceId: (await makeSource(users.author.id)).id }),
    logged: true,
    run: (_w, p) => moderate({ action: "HIDE", targetType: "SOURCE", targetId: p.sourceId, reason: "Fabricated" }),
    state: (_w, p) => db.source.findUniqueOrThrow({ where: { id: p.sourceId }, select: { visibility: true } }),
  },
  {
    name: "suspend a member",
    allowed: SITE_MODS,
    prepare: victim,
    logged: true,
    run: (_w, p) => moderate({ action: "SUSPEND", userId: p.victimId, hours: 24, reason: "Abuse" }),
    state: (_w, p) => db.user.findUniqueOrThrow({ where: { id: p.victimId }, select: { suspendedUntil: true } }),
  },
  {
    name: "lift a suspension",
    allowed: SITE_MODS,
    prepare: async () => ({ victimId: (await makeMember({ suspendedHours: 5 })).id }),
    logged: true,
    run: (_w, p) => moderate({ action: "UNSUSPEND", userId: p.victimId }),
    state: (_w, p) => db.user.findUniqueOrThrow({ where: { id: p.victimId }, select: { suspendedUntil: true } }),
  },
  {
    name: "appoint a thesis moderator",
    allowed: ["thesisOwner", "admin"],
    prepare: async () => ({ handle: (await makeMember()).handle }),
    logged: true,
    run: (w, p) => moderate({ action: "APPOINT_MODERATOR", thesisId: w.thesis.id, handle: p.handle }),
    state: (w) => db.thesisModerator.count({ where: { thesisId: w.thesis.id } }),
  },
  {
    name: "remove a thesis moderator",
    allowed: ["thesisOwner", "admin"],
    prepare: async (w) => {
      const member = await makeMember();
      await db.thesisModerator.create({ data: { thesisId: w.thesis.id, userId: member.id, appointedById: users.thesisOwner.id } });
      return { memberId: member.id };
    },
    logged: true,
    run: (w, p) => moderate({ action: "REMOVE_MODERATOR", thesisId: w.thesis.id, userId: p.memberId }),
    state: (w) => db.thesisModerator.count({ where: { thesisId: w.thesis.id } }),
  },
  {
    name: "grant a global role",
    allowed: ["admin"],
    prepare: victim,
    logged: true,
    run: (_w, p) => moderate({ action: "SET_ROLE", userId: p.victimId, role: "MODERATOR" }),
    state: (_w, p) => db.user.findUniqueOrThrow({ where: { id: p.victimId }, select: { role: true } }),
  },
  {
    name: "revoke a global role",
    allowed: ["admin"],
    prepare: async () => ({ victimId: (await makeMember({ role: "MODERATOR" })).id }),
    logged: true,
    run: (_w, p) => moderate({ action: "SET_ROLE", userId: p.victimId, role: "USER" }),
    state: (_w, p) => db.user.findUniqueOrThrow({ where: { id: p.victimId }, select: { role: true } }),
  },
];

beforeAll(async () => {
  const [author, otherUser, suspended, thesisOwner, moderator, admin] = await Promise.all([
    makeMember(),
    makeMember(),
    makeMember({ suspendedHours: 48 }),
    makeMember(),
    makeMember({ role: "MODERATOR" }),
    makeMember({ role: "ADMIN" }),
  ]);
  users = { author, otherUser, suspended, thesisOwner, moderator, admin };
});

function signInAs(identity: Identity) {
  session.userId = identity === "signedOut" ? null : users[identity].id;
}

describe("authorization matrix: every mutation × every kind of caller", () => {
  for (const mutation of MUTATIONS) {
    describe(mutation.name, () => {
      for (const identity of IDENTITIES) {
        const allowed = mutation.allowed.includes(identity);
        it(`${identity}: ${allowed ? "succeeds" : "is refused and changes nothing"}`, async () => {
          session.userId = null;
          const world = await makeWorld();
          const prepared = (await mutation.prepare?.(world)) ?? {};
          const before = await mutation.state(world, prepared);
          const actorId = identity === "signedOut" ? "nobody" : users[identity].id;
          const actorLogBefore = await db.moderationAction.count({ where: { actorId } });
          signInAs(identity);
          const response = await mutation.run(world, prepared);
          session.userId = null;
          const after = await mutation.state(world, prepared);
          if (allowed) {
            expect(response.status, JSON.stringify(await response.clone().json())).toBeLessThan(300);
            expect(after).not.toEqual(before);
            if (mutation.logged) expect(await db.moderationAction.count({ where: { actorId } })).toBe(actorLogBefore + 1);
          } else {
            const expected = identity === "signedOut" ? 401 : 403;
            expect(response.status, JSON.stringify(await response.clone().json())).toBe(expected);
            expect(after).toEqual(before);
            // A refused act leaves no trace in the log either.
            expect(await db.moderationAction.count({ where: { actorId } })).toBe(actorLogBefore);
          }
        });
      }
    });
  }
});

describe("reading moderation data", () => {
  const cases: { name: string; handler: unknown; allowed: Identity[] }[] = [
    { name: "the review queue", handler: queueRoute, allowed: THESIS_MODS },
    { name: "the whole moderation log", handler: fullLogRoute, allowed: ["admin"] },
    { name: "the log verification", handler: verifyLogRoute, allowed: ["admin"] },
  ];
  for (const { name, handler, allowed } of cases) {
    it(`${name} is open only to ${allowed.join(", ")}`, async () => {
      await makeWorld();
      // Members who have opened no thesis of their own (the matrix above lets author and otherUser open some).
      const plain = { author: await makeMember(), otherUser: await makeMember() };
      for (const identity of IDENTITIES) {
        signInAs(identity);
        if (identity === "author" || identity === "otherUser") session.userId = plain[identity].id;
        const response = await call(handler, { method: "GET" });
        session.userId = null;
        const expected = allowed.includes(identity) ? 200 : identity === "signedOut" ? 401 : 403;
        expect(response.status, `${identity} reading ${name}`).toBe(expected);
      }
    });
  }
});
