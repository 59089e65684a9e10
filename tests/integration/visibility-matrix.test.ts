import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Only the session cookie is faked: routes resolve the viewer from the database as every request does.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: () => fakeAuthSession(session.userId) };
});

import { db } from "@/server/db";
import { GET as thesesRoute } from "@/app/api/v1/theses/route";
import { GET as thesisRoute } from "@/app/api/v1/theses/[slug]/route";
import { GET as argumentRoute } from "@/app/api/v1/arguments/[id]/route";
import { GET as revisionsRoute } from "@/app/api/v1/arguments/[id]/revisions/route";
import { GET as sourceRoute } from "@/app/api/v1/sources/[id]/route";
import { GET as searchRoute } from "@/app/api/v1/search/route";
import { GET as logRoute } from "@/app/api/v1/moderation/log/route";
import { GET as queueRoute } from "@/app/api/v1/moderation/queue/route";
import { GET as stanceRoute } from "@/app/api/v1/theses/[slug]/stance/route";
import { loadArgumentPageAction } from "@/server/actions/argument-page-actions";
import { encodeCursor } from "@/server/arguments/page-cursor";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { listTheses } from "@/server/theses/list-theses";
import { getThesisFirstScreen } from "@/server/theses/get-thesis-first-screen";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { getArgumentFocus, getArgumentHeading } from "@/server/arguments/get-argument-focus";
import { getOutline } from "@/server/arguments/get-outline";
import { listRevisions } from "@/server/arguments/list-revisions";
import { loadCitations, loadRevisionCitations } from "@/server/citations/load-citations";
import { loadDraftQuotes } from "@/server/citations/load-draft-quotes";
import { getSourcePage } from "@/server/sources/get-source-page";
import { listSources } from "@/server/sources/list-sources";
import { searchSources } from "@/server/sources/search-sources";
import { searchQuotes } from "@/server/quotes/search-quotes";
import { getProfile } from "@/server/users/get-profile";
import { listModerationLog } from "@/server/moderation/list-moderation-log";
import { searchContent } from "@/server/search/search-content";
import { searchParamsSchema } from "@/lib/validation/search";
import type { Viewer } from "@/server/access/visibility";
import { makeArgument, makeThesis } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

process.env.AGORA_RATE_LIMITS = "off";

/**
 * Every read path (API routes, and the loaders pages and server actions render from) × every kind of viewer,
 * against hidden theses, hidden arguments (one under a hidden thesis), a hidden quote and a hidden source. Each
 * secret is a unique word: a read path must never put it in its output for a viewer who may not see it, and a
 * path that shows it must show it to everyone who may (so a filter that hides too much fails too).
 */

const VIEWERS = ["visitor", "member", "author", "owner", "thesisModerator", "otherThesisModerator", "siteModerator", "admin"] as const;
type ViewerKind = (typeof VIEWERS)[number];

/** A word no other test writes: letters only, so the English stemmer and the search parser keep it whole. */
const word = (kind: string) => `zv${kind}${randomUUID().replace(/[^a-f]/g, "").slice(0, 10)}x`;

const SECRETS = {
  thesisTitle: word("title"),
  thesisBody: word("desc"),
  argument: word("arg"),
  argumentUnderHiddenThesis: word("deep"),
  sourceText: word("source"),
  quoteOfHiddenSource: word("orphan"),
};
type Secret = keyof typeof SECRETS;

const THESIS_TEAM: ViewerKind[] = ["owner", "thesisModerator", "siteModerator", "admin"];
const SITE_MODS: ViewerKind[] = ["siteModerator", "admin"];
/** Who may read each secret, by the rules of server/access/visibility.ts. */
const MAY_SEE: Record<Secret, ViewerKind[]> = {
  thesisTitle: THESIS_TEAM,
  thesisBody: THESIS_TEAM,
  argument: ["author", ...THESIS_TEAM],
  argumentUnderHiddenThesis: ["author", ...THESIS_TEAM],
  sourceText: SITE_MODS,
  quoteOfHiddenSource: SITE_MODS,
};

type Member = Awaited<ReturnType<typeof makeMember>>;
let users: Record<Exclude<ViewerKind, "visitor">, Member>;
let world: Awaited<ReturnType<typeof makeWorld>>;

function viewerOf(kind: ViewerKind): Viewer {
  return kind === "visitor" ? null : { id: users[kind].id, role: users[kind].role };
}

async function quoteOf(sourceId: string, text: string, exact: string, createdById: string) {
  const start = text.indexOf(exact);
  return db.quote.create({
    data: { sourceId, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32), start, end: start + exact.length, createdById },
    select: { id: true },
  });
}

async function makeWorld() {
  const { owner, thesisModerator, otherThesisModerator, author, member, siteModerator } = users;
  const visible = await makeThesis(owner, `Open debate ${word("open")}`);
  // The slug is made from the title and is public (it is the address): the secret goes in after it is made.
  const hidden = await makeThesis(owner, "Debate soon hidden");
  await db.thesis.update({ where: { id: hidden.id }, data: { title: `Debate ${SECRETS.thesisTitle}`, body: `Described as ${SECRETS.thesisBody}.` } });
  const elsewhere = await makeThesis(member, `Unrelated debate ${word("other")}`);
  await db.thesisModerator.createMany({
    data: [
      { thesisId: visible.id, userId: thesisModerator.id, appointedById: owner.id },
      { thesisId: hidden.id, userId: thesisModerator.id, appointedById: owner.id },
      { thesisId: elsewhere.id, userId: otherThesisModerator.id, appointedById: member.id },
    ],
  });

  const sourceText = "Reporters wrote that the open passage holds, and that a second claim stands apart from it.";
  const source = await db.source.create({
    data: { title: `Report ${word("report")}`, text: sourceText, captureMethod: "PASTED", sha256: "0".repeat(64), addedById: member.id },
    select: { id: true },
  });
  const openQuote = await quoteOf(source.id, sourceText, "the open passage holds", member.id);
  // A hidden quote of a visible source: its words stay readable in the source, but it is no longer offered as evidence.
  const hiddenQuote = await quoteOf(source.id, sourceText, "a second claim stands apart", member.id);
  const hiddenSourceText = `A withdrawn text: ${SECRETS.sourceText} and ${SECRETS.quoteOfHiddenSource} were never true.`;
  const hiddenSource = await db.source.create({
    data: { title: `Withdrawn ${word("gone")}`, text: hiddenSourceText, captureMethod: "PASTED", sha256: "0".repeat(64), addedById: member.id },
    select: { id: true },
  });
  const orphanQuote = await quoteOf(hiddenSource.id, hiddenSourceText, `${SECRETS.quoteOfHiddenSource} were never true`, member.id);

  const citing = await makeArgument(author, {
    thesisId: visible.id,
    body: `Evidence for it [[q:${openQuote.id}]], against it [[q:${hiddenQuote.id}]], withdrawn [[q:${orphanQuote.id}]].`,
  });
  const hiddenArgument = await makeArgument(author, { thesisId: visible.id, stance: "CON", body: `Insulting ${SECRETS.argument} words.` });
  const reply = await makeArgument(member, { thesisId: visible.id, parentId: hiddenArgument.id, stance: "CON", body: "A reply that stays visible." });
  const underHidden = await makeArgument(author, { thesisId: hidden.id, body: `Visible text citing [[q:${openQuote.id}]].` });
  const hiddenUnderHidden = await makeArgument(author, { thesisId: hidden.id, stance: "CON", body: `Hidden ${SECRETS.argumentUnderHiddenThesis} text.` });

  const hide = (actor: Member, targetType: "THESIS" | "ARGUMENT" | "SOURCE" | "QUOTE", targetId: string) =>
    performModerationAction({ actor, input: { action: "HIDE", targetType, targetId, reason: "Matrix setup" } });
  await hide(owner, "ARGUMENT", hiddenArgument.id);
  await hide(thesisModerator, "ARGUMENT", hiddenUnderHidden.id);
  await hide(siteModerator, "THESIS", hidden.id);
  await hide(siteModerator, "QUOTE", hiddenQuote.id);
  await hide(siteModerator, "SOURCE", hiddenSource.id);

  const slug = async (id: string) => (await db.thesis.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug;
  return {
    visible: { id: visible.id, slug: await slug(visible.id) },
    hidden: { id: hidden.id, slug: await slug(hidden.id) },
    source: source.id,
    hiddenSource: hiddenSource.id,
    quotes: [openQuote.id, hiddenQuote.id, orphanQuote.id],
    arguments: { citing: citing.id, hiddenArgument: hiddenArgument.id, reply: reply.id, underHidden: underHidden.id, hiddenUnderHidden: hiddenUnderHidden.id },
  };
}

beforeAll(async () => {
  const [member, author, owner, thesisModerator, otherThesisModerator, siteModerator, admin] = await Promise.all([
    makeMember(),
    makeMember(),
    makeMember(),
    makeMember(),
    makeMember(),
    makeMember({ role: "MODERATOR" }),
    makeMember({ role: "ADMIN" }),
  ]);
  users = { member, author, owner, thesisModerator, otherThesisModerator, siteModerator, admin };
  world = await makeWorld();
}, 120_000);

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

async function route(handler: unknown, path: string, params: object = {}) {
  const response = await (handler as Handler)(new Request(`http://agora.test${path}`), { params: Promise.resolve(params as never) });
  return { status: response.status, body: await response.json() };
}

/** A loader's answer, or the refusal it threw (a 404 says nothing, but its message must not leak either). */
async function settle(load: () => Promise<unknown>) {
  try {
    return await load();
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error) };
  }
}

function serialize(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v instanceof Map ? Object.fromEntries(v) : typeof v === "bigint" ? String(v) : v));
}

interface ReadPath {
  name: string;
  read: (viewer: Viewer) => Promise<unknown>;
  /** Secrets this path shows to those who may see them (default MAY_SEE), when it is not only refusing. */
  shows?: Partial<Record<Secret, ViewerKind[]>>;
}

const search = (q: string) => (viewer: Viewer) => searchContent({ params: searchParamsSchema.parse({ q }), viewer });
const focus = (slug: () => string, id: () => string) => (viewer: Viewer) =>
  getArgumentFocus(slug(), id(), viewer, { sort: "best", cursors: { PRO: null, CON: null } });
const firstScreen = (slug: () => string) => (viewer: Viewer) => getThesisFirstScreen(slug(), viewer, { sort: "best", cursors: { PRO: null, CON: null } });

const READ_PATHS: ReadPath[] = [
  // API routes, called as a request with the viewer's session.
  { name: "GET /api/v1/theses", read: () => route(thesesRoute, "/api/v1/theses") },
  { name: "GET /api/v1/theses?sort=active", read: () => route(thesesRoute, "/api/v1/theses?sort=active") },
  {
    name: "GET /api/v1/theses/:hidden",
    read: () => route(thesisRoute, `/api/v1/theses/${world.hidden.slug}`, { slug: world.hidden.slug }),
    shows: { thesisTitle: MAY_SEE.thesisTitle, thesisBody: MAY_SEE.thesisBody, argumentUnderHiddenThesis: MAY_SEE.argumentUnderHiddenThesis },
  },
  { name: "GET /api/v1/theses/:visible", read: () => route(thesisRoute, `/api/v1/theses/${world.visible.slug}`, { slug: world.visible.slug }), shows: { argument: MAY_SEE.argument } },
  ...(["citing", "hiddenArgument", "reply", "underHidden", "hiddenUnderHidden"] as const).flatMap((key): ReadPath[] => {
    const shows: ReadPath["shows"] =
      key === "hiddenArgument" ? { argument: MAY_SEE.argument } :
      key === "reply" ? { argument: MAY_SEE.argument } : // the reply's focus shows its parent in the path
      key === "underHidden" ? { thesisTitle: MAY_SEE.thesisTitle } :
      key === "hiddenUnderHidden" ? { thesisTitle: MAY_SEE.thesisTitle, argumentUnderHiddenThesis: MAY_SEE.argumentUnderHiddenThesis } : {};
    return [
      { name: `GET /api/v1/arguments/:${key}`, read: () => route(argumentRoute, `/api/v1/arguments/${world.arguments[key]}`, { id: world.arguments[key] }), shows },
      {
        name: `GET /api/v1/arguments/:${key}/revisions`,
        read: () => route(revisionsRoute, `/api/v1/arguments/${world.arguments[key]}/revisions`, { id: world.arguments[key] }),
        // A revision list is the argument's own text only: its parent is not in it.
        shows: key === "reply" ? {} : shows,
      },
    ];
  }),
  { name: "GET /api/v1/sources/:visible", read: () => route(sourceRoute, `/api/v1/sources/${world.source}`, { id: world.source }) },
  { name: "GET /api/v1/sources/:hidden", read: () => route(sourceRoute, `/api/v1/sources/${world.hiddenSource}`, { id: world.hiddenSource }) },
  ...(Object.keys(SECRETS) as Secret[]).map(
    (secret): ReadPath => ({
      name: `GET /api/v1/search?q=<${secret}>`,
      // The answer repeats the query: only the results are checked.
      read: async () => {
        const { status, body } = await route(searchRoute, `/api/v1/search?q=${SECRETS[secret]}`);
        return { status, results: body.results };
      },
      // Search leaves out every argument of a thesis the viewer may not read, even the viewer's own.
      shows: { [secret]: secret === "argumentUnderHiddenThesis" ? THESIS_TEAM : MAY_SEE[secret] },
    }),
  ),
  { name: "GET /api/v1/moderation/log?thesis=:hidden", read: () => route(logRoute, `/api/v1/moderation/log?thesis=${world.hidden.slug}`) },
  { name: "GET /api/v1/moderation/log", read: () => route(logRoute, "/api/v1/moderation/log") },
  { name: "GET /api/v1/moderation/queue", read: () => route(queueRoute, "/api/v1/moderation/queue") },
  { name: "GET /api/v1/theses/:hidden/stance", read: () => route(stanceRoute, `/api/v1/theses/${world.hidden.slug}/stance`, { slug: world.hidden.slug }) },
  {
    // "Show more" on a thesis page: the server action answers with rendered cards (their props reach the RSC payload).
    name: "loadArgumentPageAction (show more, hidden thesis)",
    read: () =>
      loadArgumentPageAction({
        slug: world.hidden.slug,
        parentId: null,
        stance: "CON",
        sort: "newest",
        cursor: encodeCursor({ key: 0, createdAt: new Date(Date.now() + 3_600_000), id: "z" }),
      }),
    shows: { argumentUnderHiddenThesis: MAY_SEE.argumentUnderHiddenThesis },
  },

  // The loaders pages and server actions render from (what reaches their HTML and RSC payloads).
  { name: "listTheses (home page)", read: () => listTheses({ sort: "newest", take: 200 }) },
  {
    name: "getThesisBySlug (page title, log page)",
    read: (viewer) => getThesisBySlug(world.hidden.slug, viewer),
    shows: { thesisTitle: MAY_SEE.thesisTitle, thesisBody: MAY_SEE.thesisBody },
  },
  {
    name: "getThesisFirstScreen (thesis page, hidden thesis)",
    read: firstScreen(() => world.hidden.slug),
    shows: { thesisTitle: MAY_SEE.thesisTitle, thesisBody: MAY_SEE.thesisBody, argumentUnderHiddenThesis: MAY_SEE.argumentUnderHiddenThesis },
  },
  { name: "getThesisFirstScreen (thesis page)", read: firstScreen(() => world.visible.slug), shows: { argument: MAY_SEE.argument } },
  { name: "getArgumentFocus (focus page, hidden argument)", read: focus(() => world.visible.slug, () => world.arguments.hiddenArgument), shows: { argument: MAY_SEE.argument } },
  { name: "getArgumentFocus (focus page, reply to it)", read: focus(() => world.visible.slug, () => world.arguments.reply), shows: { argument: MAY_SEE.argument } },
  {
    name: "getArgumentFocus (focus page, under a hidden thesis)",
    read: focus(() => world.hidden.slug, () => world.arguments.hiddenUnderHidden),
    shows: { thesisTitle: MAY_SEE.thesisTitle, argumentUnderHiddenThesis: MAY_SEE.argumentUnderHiddenThesis },
  },
  { name: "getArgumentHeading (focus page title)", read: () => getArgumentHeading(world.hidden.slug, world.arguments.hiddenUnderHidden) },
  {
    name: "getOutline (outline page, hidden thesis)",
    read: (viewer) => getOutline(world.hidden.slug, viewer, { rootId: null, openIds: [] }),
    shows: { thesisTitle: MAY_SEE.thesisTitle, thesisBody: MAY_SEE.thesisBody, argumentUnderHiddenThesis: MAY_SEE.argumentUnderHiddenThesis },
  },
  {
    name: "getOutline (outline page, opened at the hidden argument)",
    read: (viewer) => getOutline(world.visible.slug, viewer, { rootId: null, openIds: [world.arguments.hiddenArgument] }),
    shows: { argument: MAY_SEE.argument },
  },
  {
    name: "listRevisions (history page, under a hidden thesis)",
    read: (viewer) => listRevisions(world.arguments.underHidden, viewer),
    shows: { thesisTitle: MAY_SEE.thesisTitle },
  },
  { name: "listRevisions (history page, hidden argument)", read: (viewer) => listRevisions(world.arguments.hiddenArgument, viewer), shows: { argument: MAY_SEE.argument } },
  {
    name: "loadCitations + loadRevisionCitations (footnotes)",
    read: async () => {
      const revisions = await db.argumentRevision.findMany({ where: { argumentId: world.arguments.citing }, select: { id: true } });
      return [await loadCitations([world.arguments.citing]), await loadRevisionCitations(revisions.map((r) => r.id))];
    },
  },
  { name: "loadDraftQuotes (composer preview)", read: () => loadDraftQuotes(world.quotes) },
  // "Cited by" names the thesis of each citing argument: one of them is in the hidden thesis.
  { name: "getSourcePage (source page)", read: (viewer) => getSourcePage(world.source, viewer), shows: { thesisTitle: MAY_SEE.thesisTitle } },
  { name: "getSourcePage (hidden source)", read: (viewer) => getSourcePage(world.hiddenSource, viewer), shows: { sourceText: MAY_SEE.sourceText, quoteOfHiddenSource: MAY_SEE.quoteOfHiddenSource } },
  { name: "listSources (sources index)", read: () => listSources({ sort: "newest", pageSize: 100 }) },
  { name: "searchSources + searchQuotes (cite picker)", read: async () => [await searchSources("", 100), await searchQuotes("second claim"), await searchQuotes(SECRETS.quoteOfHiddenSource)] },
  // The author's profile lists their argument in the hidden thesis, under that thesis's title.
  { name: "getProfile (author's profile)", read: (viewer) => getProfile(users.author.handle, viewer), shows: { thesisTitle: MAY_SEE.thesisTitle } },
  { name: "getProfile (owner's profile)", read: (viewer) => getProfile(users.owner.handle, viewer), shows: { thesisTitle: MAY_SEE.thesisTitle } },
  { name: "listModerationLog (thesis log page)", read: () => listModerationLog({ thesisId: world.hidden.id }) },
  ...(Object.keys(SECRETS) as Secret[]).map(
    (secret): ReadPath => ({
      name: `searchContent <${secret}> (search page)`,
      read: search(SECRETS[secret]),
      shows: { [secret]: secret === "argumentUnderHiddenThesis" ? THESIS_TEAM : MAY_SEE[secret] },
    }),
  ),
];

describe("visibility matrix: every read path × every kind of viewer", () => {
  for (const path of READ_PATHS) {
    it(path.name, async () => {
      const failures: string[] = [];
      for (const kind of VIEWERS) {
        session.userId = kind === "visitor" ? null : users[kind].id;
        const output = serialize(await settle(() => path.read(viewerOf(kind))));
        session.userId = null;
        for (const secret of Object.keys(SECRETS) as Secret[]) {
          const present = output.includes(SECRETS[secret]);
          const shown = path.shows?.[secret];
          if (present && !MAY_SEE[secret].includes(kind)) failures.push(`${kind} sees ${secret}`);
          if (shown?.includes(kind) && !present) failures.push(`${kind} should see ${secret} but does not`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it("a hidden quote of a visible source leaves its footnotes, the source's passages and the cite picker", async () => {
    const hiddenQuote = world.quotes[1]!;
    const footnote = (await loadCitations([world.arguments.citing])).get(world.arguments.citing)!.find((c) => c.quoteId === hiddenQuote)!;
    expect(footnote).toMatchObject({ quoteHidden: true, exact: "" });
    for (const kind of VIEWERS) {
      const page = await getSourcePage(world.source, viewerOf(kind));
      expect(page.quotes.map((q) => q.id)).not.toContain(hiddenQuote);
    }
    expect((await searchQuotes("second claim stands")).map((q) => q.id)).not.toContain(hiddenQuote);
    expect((await loadDraftQuotes([hiddenQuote])).size).toBe(0);
  });

  it("covers every kind of secret with at least one path that shows it", () => {
    const shown = new Set(READ_PATHS.flatMap((path) => Object.keys(path.shows ?? {})));
    expect([...shown].sort()).toEqual(Object.keys(SECRETS).sort());
  });
});
