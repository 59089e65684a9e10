import { describe, expect, it, vi } from "vitest";

// Only the session is faked: the export route resolves the viewer and applies the visibility rules for real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: () => fakeAuthSession(session.userId) };
});

import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { Ajv2020 } from "ajv/dist/2020";
import { ArgdownApplication, ModelPlugin, ParserPlugin } from "@argdown/core";
import { db } from "@/server/db";
import { AppError, ForbiddenError } from "@/server/errors";
import { GET as exportRoute } from "@/app/api/v1/theses/[slug]/export/route";
import { GET as schemaRoute } from "@/app/api/v1/schemas/thesis-export.json/route";
import { POST as importRoute } from "@/app/api/v1/imports/route";
import { createPastedSource } from "@/server/sources/create-pasted-source";
import { createQuote } from "@/server/quotes/create-quote";
import { editArgument } from "@/server/arguments/edit-argument";
import { castVote } from "@/server/votes/cast-vote";
import { setThesisStance } from "@/server/stances/set-thesis-stance";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { getStanceSummary } from "@/server/stances/get-stance-summary";
import { verifyStrength } from "@/server/strength/verify-strength";
import { generateDebate } from "@/server/seed/generate-debate";
import { collectThesisExport, EXPORT_BATCH, openThesisExport, streamThesisExport } from "@/server/interchange/export-thesis";
import { importThesis } from "@/server/interchange/import-thesis";
import { IMPORT_MAX_BYTES } from "@/server/interchange/check-export";
import { toAif } from "@/server/interchange/to-aif";
import { thesisExportSchema, type ThesisExport } from "@/lib/interchange/export-schema";
import { addPastedSourceSchema } from "@/lib/validation/source";
import { resetTestDatabase, testDatabaseUrl } from "@/scripts/db/test-database";
import { makeArgument, makeThesis } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

process.env.AGORA_RATE_LIMITS = "off";
const run = promisify(execFile);

const SNAPSHOT = [
  "The ceasefire held for nine days before shelling resumed near the river crossing.",
  "Observers counted 140 violations in the first week, most of them at night.",
  "Both sides said the monitoring mission lacked the staff to verify claims.",
].join("\n\n");

/**
 * A small debate with every kind of content an export carries: an edited argument with citations in both of its
 * revisions, replies to depth 3 for and against, votes, stances, a hidden argument with a visible reply under it,
 * and the hide in the moderation log.
 */
async function makeDebate() {
  const [owner, member, voter, spammer, admin] = await Promise.all([makeMember(), makeMember(), makeMember(), makeMember(), makeMember({ role: "ADMIN" })]);
  const thesis = await makeThesis(owner, `Ceasefires without monitors fail ${Math.random().toString(36).slice(2, 8)}`);
  await db.thesis.update({ where: { id: thesis.id }, data: { body: "A *claim* about monitoring." } });
  const source = await createPastedSource({
    actor: member,
    input: addPastedSourceSchema.parse({ title: "Monitoring report", publisher: "Field Desk", publishedAt: "2025-03-01", text: SNAPSHOT }),
  });
  const { quote: violations } = await createQuote({ actor: member, input: { sourceId: source.id, exact: "Observers counted 140 violations in the first week" } });
  const { quote: staff } = await createQuote({ actor: member, input: { sourceId: source.id, exact: "the monitoring mission lacked the staff" } });
  const pro = await makeArgument(member, { thesisId: thesis.id, stance: "PRO", body: `Violations were constant [[q:${violations.id}]].` });
  await editArgument({ actor: member, input: { argumentId: pro.id, body: `Violations were constant [[q:${violations.id}]], and nobody could check them [[q:${staff.id}]].` } });
  const con = await makeArgument(owner, { thesisId: thesis.id, stance: "CON", body: "Some ceasefires held without monitors." });
  const rebuttal = await makeArgument(owner, { thesisId: thesis.id, parentId: pro.id, stance: "CON", body: "Counts at night are unreliable." });
  const support = await makeArgument(member, { thesisId: thesis.id, parentId: rebuttal.id, stance: "PRO", body: "Night counts come from one observer." });
  const hidden = await makeArgument(spammer, { thesisId: thesis.id, stance: "CON", body: "SECRET-HIDDEN-TEXT spam spam." });
  const underHidden = await makeArgument(member, { thesisId: thesis.id, parentId: hidden.id, stance: "CON", body: "A reply under the hidden one." });
  await castVote({ actor: voter, argumentId: pro.id, value: 1 });
  await castVote({ actor: owner, argumentId: pro.id, value: -1 });
  await castVote({ actor: voter, argumentId: con.id, value: 1 });
  await castVote({ actor: voter, argumentId: support.id, value: 1 });
  await setThesisStance({ actor: voter, thesisId: thesis.id, value: 2 });
  await setThesisStance({ actor: member, thesisId: thesis.id, value: -1 });
  await performModerationAction({ actor: admin, input: { action: "HIDE", targetType: "ARGUMENT", targetId: hidden.id, reason: "Spam" } });
  return { owner, member, voter, admin, thesis, source, quotes: [violations, staff], args: { pro, con, rebuttal, support, hidden, underHidden } };
}

async function exportAs(userId: string | null, slug: string, format = "json"): Promise<Response> {
  session.userId = userId;
  try {
    const request = new Request(`http://localhost/api/v1/theses/${slug}/export?format=${format}`);
    return await (exportRoute as unknown as (r: Request, c: { params: Promise<object> }) => Promise<Response>)(request, { params: Promise.resolve({ slug }) });
  } finally {
    session.userId = null;
  }
}

async function postImport(userId: string | null, body: unknown, contentType = "application/json"): Promise<Response> {
  session.userId = userId;
  try {
    const request = new Request("http://localhost/api/v1/imports", { method: "POST", headers: { "content-type": contentType }, body: JSON.stringify(body) });
    return await (importRoute as unknown as (r: Request, c: { params: Promise<object> }) => Promise<Response>)(request, { params: Promise.resolve({}) });
  } finally {
    session.userId = null;
  }
}

async function exportDocument(viewer: { id: string; role: "USER" | "MODERATOR" | "ADMIN" } | null, slug: string): Promise<ThesisExport> {
  return collectThesisExport(await openThesisExport(slug, viewer));
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Rows of every table an import writes to: a refused import must leave each count as it was. */
async function tableCounts() {
  const [theses, args, revisions, sources, quotes, citations, users, log] = await Promise.all([
    db.thesis.count(), db.argument.count(), db.argumentRevision.count(), db.source.count(), db.quote.count(), db.citation.count(), db.user.count(), db.moderationAction.count(),
  ]);
  return { theses, args, revisions, sources, quotes, citations, users, log };
}

describe("thesis export", () => {
  it("streams a document that validates against the published JSON Schema and carries everything", async () => {
    const world = await makeDebate();
    const response = await exportAs(world.admin.id, world.thesis.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`${world.thesis.slug}.agora.json`);
    const document = JSON.parse(await response.text()) as ThesisExport;

    const schema = await (await schemaRoute(new Request("http://agora.test/api/v1/schemas/thesis-export.json"), { params: Promise.resolve({}) })).json();
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
    const valid = ajv.validate(schema, document);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // A document the schema must refuse, so the check above can fail.
    expect(ajv.validate(schema, { ...document, version: 2 })).toBe(false);

    expect(document).toMatchObject({ format: "agora.thesis-export", version: 1, scope: "complete" });
    expect(document.thesis).toMatchObject({ slug: world.thesis.slug, body: "A *claim* about monitoring.", stances: { "-2": 0, "-1": 1, "0": 0, "1": 0, "2": 1 } });
    expect(document.arguments).toHaveLength(6);
    const pro = document.arguments.find((a) => a.id === world.args.pro.id)!;
    expect(pro.revisions.map((r) => r.citations.length)).toEqual([1, 2]);
    expect(pro).toMatchObject({ currentRevision: 2, votes: { up: 1, down: 1, staleUp: 0, staleDown: 0 } });
    expect(document.arguments.find((a) => a.id === world.args.hidden.id)).toMatchObject({ status: "HIDDEN", moderationNote: "Spam" });
    const [source] = document.sources;
    expect(source).toMatchObject({ text: SNAPSHOT, title: "Monitoring report" });
    expect(source!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(source!.quotes.map((q) => q.exact)).toEqual(["Observers counted 140 violations in the first week", "the monitoring mission lacked the staff"]);
    expect(source!.quotes[0]).toMatchObject({ start: SNAPSHOT.indexOf("Observers"), prefix: expect.stringContaining("river crossing.") });
    expect(document.moderationLog.map((e) => e.action)).toEqual(["HIDE"]);
    expect(document.moderationLog[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    // Counts, never who voted or stood where.
    const text = JSON.stringify(document);
    expect(text).not.toContain(world.voter.id);
    expect(text).not.toContain(world.voter.email);
  });

  it("gives a visitor what the thesis page shows them: no hidden argument, no branch under one", async () => {
    const world = await makeDebate();
    const response = await exportAs(null, world.thesis.slug);
    expect(response.status).toBe(200);
    const body = await response.text();
    const document = thesisExportSchema.parse(JSON.parse(body));
    expect(document.scope).toBe("public");
    expect(document.arguments.map((a) => a.id).sort()).toEqual([world.args.pro.id, world.args.con.id, world.args.rebuttal.id, world.args.support.id].sort());
    expect(body).not.toContain("SECRET-HIDDEN-TEXT");
    expect(body).not.toContain("A reply under the hidden one.");
    // The thesis's owner moderates it and gets everything.
    expect((await exportDocument({ id: world.owner.id, role: "USER" }, world.thesis.slug)).arguments).toHaveLength(6);
    expect((await exportAs(null, world.thesis.slug, "yaml")).status).toBe(422);
  });

  it("writes Argdown that Argdown's own parser reads without errors, every argument kept with its relation", async () => {
    const world = await makeDebate();
    const response = await exportAs(world.admin.id, world.thesis.slug, "argdown");
    expect(response.status).toBe(200);
    const argdown = await response.text();
    const app = new ArgdownApplication();
    app.addPlugin(new ParserPlugin(), "parse-input");
    app.addPlugin(new ModelPlugin(), "build-model");
    const result = app.run({ process: ["parse-input", "build-model"], input: argdown });
    expect(result.lexerErrors ?? []).toEqual([]);
    expect(result.parserErrors ?? []).toEqual([]);
    const ids = Object.values(world.args).map((a) => a.id);
    expect(Object.keys(result.arguments!).sort()).toEqual([...ids].sort());
    expect(Object.keys(result.statements!)).toContain(world.thesis.slug);
    expect(result.relations!.map((r) => `${r.from!.title} ${r.relationType} ${r.to!.title}`).sort()).toEqual(
      [
        `${world.args.pro.id} support ${world.thesis.slug}`,
        `${world.args.con.id} attack ${world.thesis.slug}`,
        `${world.args.hidden.id} attack ${world.thesis.slug}`,
        `${world.args.rebuttal.id} attack ${world.args.pro.id}`,
        `${world.args.support.id} support ${world.args.rebuttal.id}`,
        `${world.args.underHidden.id} attack ${world.args.hidden.id}`,
      ].sort(),
    );
    // Markdown and citation markers do not leak into Argdown syntax: the text reads as written.
    const description = result.arguments![world.args.pro.id]!.members.at(-1)!.text;
    expect(description).toBe("Violations were constant, and nobody could check them.");
  });

  it("writes AIF with one I-node per argument and the thesis, one RA per support and one CA per attack", async () => {
    const world = await makeDebate();
    const response = await exportAs(world.admin.id, world.thesis.slug, "aif");
    const aif = (await response.json()) as ReturnType<typeof toAif>;
    const byType = (type: string) => aif.nodes.filter((n) => n.type === type);
    expect(byType("I")).toHaveLength(7);
    expect(byType("RA")).toHaveLength(2);
    expect(byType("CA")).toHaveLength(4);
    const ids = new Set(aif.nodes.map((n) => n.nodeID));
    expect(aif.edges).toHaveLength(12);
    for (const edge of aif.edges) expect(ids.has(edge.fromID) && ids.has(edge.toID)).toBe(true);
    // Each scheme node joins exactly one argument to what it answers: I → RA/CA → I.
    for (const scheme of [...byType("RA"), ...byType("CA")]) {
      const into = aif.edges.filter((e) => e.toID === scheme.nodeID).map((e) => aif.nodes.find((n) => n.nodeID === e.fromID)!.type);
      const out = aif.edges.filter((e) => e.fromID === scheme.nodeID).map((e) => aif.nodes.find((n) => n.nodeID === e.toID)!.type);
      expect([into, out]).toEqual([["I"], ["I"]]);
    }
    expect(aif.nodes.find((n) => n.text === "Counts at night are unreliable.")).toBeDefined();
  });
});

describe("thesis import", () => {
  it("imports a debate with its structure, revisions, evidence, votes and stances, and stored strength that verifies", async () => {
    const world = await makeDebate();
    const original = await exportDocument(world.admin, world.thesis.slug);
    const report = await importThesis({ actorId: world.admin.id, text: JSON.stringify(original), authors: { [world.member.handle]: world.member.email } });

    expect(report.thesis.slug).toBe(`${world.thesis.slug}-2`);
    // A pasted source has no address that makes it one source: it is copied, with its quotes.
    expect(report.counts).toMatchObject({ arguments: 6, revisions: 7, sources: 1, quotes: 2, citations: 3 });
    expect(report.ids.sources[world.source.id]).not.toBe(world.source.id);
    expect((await verifyStrength(report.thesis.id)).mismatches).toEqual([]);
    const imported = await db.thesis.findUniqueOrThrow({ where: { id: report.thesis.id }, select: { strength: true, argumentCount: true, proCount: true, conCount: true } });
    const before = await db.thesis.findUniqueOrThrow({ where: { id: world.thesis.id }, select: { strength: true } });
    expect(imported).toMatchObject({ argumentCount: 6, proCount: 1, conCount: 2 });
    expect(imported.strength).toBeCloseTo(before.strength, 9);
    expect((await getStanceSummary(report.thesis.id, null)).counts).toEqual({ [-2]: 0, [-1]: 1, 0: 0, 1: 0, 2: 1 });

    const pro = await db.argument.findUniqueOrThrow({
      where: { id: report.ids.arguments[world.args.pro.id]! },
      select: { authorId: true, body: true, upCount: true, downCount: true, revisions: { select: { number: true, citations: { select: { quoteId: true } } } } },
    });
    expect(pro.authorId).toBe(world.member.id);
    expect(pro.body).toContain(`[[q:${report.ids.quotes[world.quotes[1]!.id]}]]`);
    expect(pro.revisions).toHaveLength(2);
    expect(await db.argument.findUniqueOrThrow({ where: { id: report.ids.arguments[world.args.hidden.id]! }, select: { status: true } })).toEqual({ status: "HIDDEN" });
    // Unmapped authors become placeholder accounts that cannot sign in.
    const owner = await db.thesis.findUniqueOrThrow({ where: { id: report.thesis.id }, select: { author: { select: { name: true, email: true, passwordHash: true } } } });
    expect(owner.author).toMatchObject({ name: `${world.owner.name} (imported)`, passwordHash: null });
    expect(owner.author.email).toMatch(/@imported\.agora\.invalid$/);
    expect(await db.account.count({ where: { user: { email: owner.author.email } } })).toBe(0);
    const log = await db.moderationAction.findFirstOrThrow({ where: { thesisId: report.thesis.id }, select: { action: true, actorId: true, details: true } });
    expect(log).toMatchObject({ action: "IMPORT_THESIS", actorId: world.admin.id });
    expect((log.details as { originalLog: unknown }).originalLog).toEqual(original.moderationLog);
  });

  it("refuses a bad version, invalid JSON, an oversized file, a broken quote and a tampered snapshot, each with a report, writing nothing", async () => {
    const world = await makeDebate();
    const original = await exportDocument(world.admin, world.thesis.slug);
    const counts = await tableCounts();
    const attempt = (text: string) => refusal(importThesis({ actorId: world.admin.id, text }));

    const version = await attempt(JSON.stringify({ ...original, version: 2 }));
    expect(version.status).toBe(422);
    expect(version.message).toContain("version 2 is not supported: this Agora reads version 1");

    expect((await attempt("{ not json")).message).toContain("not valid JSON");
    expect((await attempt(JSON.stringify({ format: "something-else" }))).message).toContain("not an Agora thesis export");

    const oversized = await attempt(" ".repeat(IMPORT_MAX_BYTES + 1));
    expect(oversized.message).toContain("an import reads at most 32.0 MB");

    const broken = structuredClone(original);
    broken.sources[0]!.quotes[0]!.exact = "Observers counted 141 violations in the first week";
    const brokenQuote = await attempt(JSON.stringify(broken));
    expect(brokenQuote.message).toContain("Some evidence does not check out");
    expect(brokenQuote.fieldErrors.file!.join(" ")).toContain(`Quote ${original.sources[0]!.quotes[0]!.id} in "Monitoring report" does not anchor`);

    const tampered = structuredClone(original);
    tampered.sources[0]!.text = tampered.sources[0]!.text.replace("nine", "ten");
    expect((await attempt(JSON.stringify(tampered))).fieldErrors.file!.join(" ")).toContain("does not match its SHA-256");

    const dangling = structuredClone(original);
    dangling.arguments.find((a) => a.parentId !== null)!.parentId = "nosuchargument";
    expect((await attempt(JSON.stringify(dangling))).fieldErrors.file!.join(" ")).toContain("its parent nosuchargument is not an argument listed before it");

    expect(await tableCounts()).toEqual(counts);
  });

  it("rolls back everything when a refusal comes mid-way, and lets only administrators import", async () => {
    const world = await makeDebate();
    const original = await exportDocument(world.admin, world.thesis.slug);
    // A source this site holds under the same address with another snapshot is found only while writing, after
    // placeholder authors and the thesis were created in the transaction.
    const document = structuredClone(original);
    const url = `https://example.test/report-${Math.random().toString(36).slice(2)}`;
    document.sources[0]!.id = "movedsource";
    document.sources[0]!.canonicalUrl = url;
    await db.source.create({ data: { title: "Other", canonicalUrl: url, captureMethod: "FETCHED", text: "Other text.", sha256: "1".repeat(64), addedById: world.member.id } });
    const counts = await tableCounts();
    const clash = await refusal(importThesis({ actorId: world.admin.id, text: JSON.stringify(document) }));
    expect(clash.message).toContain("is already stored here with a different snapshot");
    expect(await tableCounts()).toEqual(counts);

    await expect(importThesis({ actorId: world.owner.id, text: JSON.stringify(original) })).rejects.toBeInstanceOf(ForbiddenError);
    const unknownAuthor = await refusal(importThesis({ actorId: world.admin.id, text: JSON.stringify(original), authors: { [world.member.handle]: "nobody-here" } }));
    expect(unknownAuthor.fieldErrors.file!.join(" ")).toContain(`"${world.member.handle}" → "nobody-here", but no account here has that handle or email`);
    expect(await tableCounts()).toEqual(counts);
  });

  it("exports a debate of several batches whole: every argument once, parents before their replies", async () => {
    const [admin, author] = await Promise.all([makeMember({ role: "ADMIN" }), makeMember()]);
    const size = Math.round(EXPORT_BATCH * 2.5);
    const debate = await generateDebate({ slug: `batches-${Math.random().toString(36).slice(2, 8)}`, size, authorIds: [author.id], seed: 7 });
    const ids = (await exportDocument(admin, debate.slug)).arguments.map((a) => a.id);
    expect(ids).toHaveLength(size);
    expect(new Set(ids).size).toBe(size);
    const rows = await db.argument.findMany({ where: { thesisId: debate.thesisId }, select: { id: true, parentId: true } });
    const position = new Map(ids.map((id, i) => [id, i]));
    for (const row of rows) if (row.parentId) expect(position.get(row.parentId)!).toBeLessThan(position.get(row.id)!);
  }, 180_000);

  it("imports a generated debate of 500 arguments, with votes and citations, whose stored strength verifies", async () => {
    const [admin, ...people] = await Promise.all([makeMember({ role: "ADMIN" }), ...Array.from({ length: 12 }, () => makeMember())]);
    const debate = await generateDebate({
      slug: `generated-${Math.random().toString(36).slice(2, 8)}`, size: 500, authorIds: people.slice(0, 4).map((p) => p.id),
      voterIds: people.map((p) => p.id), votesPerArgument: 4, quotes: 40,
    });
    const original = await exportDocument(admin, debate.slug);
    expect(original.arguments).toHaveLength(500);
    const report = await importThesis({ actorId: admin.id, text: JSON.stringify(original) });
    expect(report.counts).toMatchObject({ arguments: 500, revisions: 500, quotes: 40, citations: 40 });
    expect((await verifyStrength(report.thesis.id)).mismatches).toEqual([]);
    const copy = await exportDocument(admin, report.thesis.slug);
    expect(copy.thesis.strength).toBeCloseTo(original.thesis.strength, 9);
  });

  it("imports through POST /api/v1/imports for administrators only, with the report as the answer", async () => {
    const world = await makeDebate();
    const file = JSON.stringify(await exportDocument(world.admin, world.thesis.slug));
    const counts = await tableCounts();
    expect((await postImport(null, { file })).status).toBe(401);
    expect((await postImport(world.owner.id, { file })).status).toBe(403);
    // JSON only: a cross-site form cannot post it with the session cookie.
    expect((await postImport(world.admin.id, { file }, "text/plain")).status).toBe(415);
    const badMapping = await postImport(world.admin.id, { file, authors: "{ nope" });
    expect(badMapping.status).toBe(422);
    expect(await badMapping.text()).toContain("The authors mapping is not valid JSON. Nothing was imported.");
    expect(await tableCounts()).toEqual(counts);

    const created = await postImport(world.admin.id, { file, authors: JSON.stringify({ [world.member.handle]: world.member.handle }) });
    expect(created.status).toBe(201);
    const answer = await created.json();
    expect(answer).toMatchObject({ thesis: { slug: `${world.thesis.slug}-2`, url: `/t/${world.thesis.slug}-2` }, counts: { arguments: 6 }, authors: { mapped: 1 } });
  });

  it("round-trips through the command line into an empty database: the second export equals the first apart from ids and import times", async () => {
    const world = await makeDebate();
    const original = await exportDocument(world.admin, world.thesis.slug);
    const target = testDatabaseUrl("agora_test_interchange_target");
    await resetTestDatabase(target);
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      await client.query(`INSERT INTO "User" (id, email, name, "nameKey", handle, role, "updatedAt") VALUES ('targetadmin', 'admin@target.test', 'Target Admin', 'target admin', 'target-admin', 'ADMIN', now())`);
    } finally {
      await client.end();
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), "agora-interchange-"));
    const file = path.join(dir, "export.json");
    const mapping = path.join(dir, "authors.json");
    const reader = streamThesisExport(await openThesisExport(world.thesis.slug, world.admin)).getReader();
    const chunks: Uint8Array[] = [];
    for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(part.value);
    await writeFile(file, Buffer.concat(chunks));
    await writeFile(mapping, JSON.stringify({ [world.owner.handle]: "target-admin" }));

    const env = { ...process.env, DATABASE_URL: target };
    const tsx = ["--conditions=react-server"];
    const imported = await run("npx", ["tsx", ...tsx, "scripts/import.ts", file, "--authors", mapping], { env });
    expect(imported.stdout).toContain(`Imported as /t/${world.thesis.slug}.`);
    const second = JSON.parse((await run("npx", ["tsx", ...tsx, "scripts/export.ts", world.thesis.slug], { env, maxBuffer: 64 * 1024 * 1024 })).stdout) as ThesisExport;
    const verified = await run("npx", ["tsx", ...tsx, "scripts/strength-verify.ts"], { env });
    expect(verified.stdout).toContain("Stored strength matches a full recompute: 1 theses, 6 arguments.");

    // Authors: the mapped owner is the target's admin; everyone else is one placeholder each.
    const authorOf = new Map([[original.thesis.author.handle, second.thesis.author.handle]]);
    const secondByTime = new Map(second.arguments.map((a) => [a.createdAt, a]));
    for (const argument of original.arguments) {
      const copy = secondByTime.get(argument.createdAt)!;
      authorOf.set(argument.author.handle, copy.author.handle);
      argument.revisions.forEach((revision, i) => authorOf.set(revision.editor.handle, copy.revisions[i]!.editor.handle));
    }
    expect(authorOf.get(world.owner.handle)).toBe("target-admin");
    expect(second.arguments.find((a) => a.revisions[0]!.body.startsWith("Night counts"))!.author.name).toBe(`${world.member.name} (imported)`);

    expect(comparable(second, authorOf)).toEqual(comparable(original, authorOf, { mapAuthors: true }));
    // The origin's log cannot join the target's hash chain: it travels, hashes and all, inside the import entry.
    expect(second.moderationLog.map((e) => e.action)).toEqual(["IMPORT_THESIS"]);
    expect((second.moderationLog[0]!.details as { originalLog: unknown }).originalLog).toEqual(original.moderationLog);
  }, 180_000);
});

/**
 * A document with every id replaced by a name taken from content (a source by its hash, a quote by its offsets,
 * an argument by its first text), lists in that order, strengths to 9 places, and without what an import
 * changes by design (export time, log).
 */
function comparable(document: ThesisExport, authorOf: Map<string, string>, { mapAuthors = false } = {}) {
  const name = new Map<string, string>();
  for (const source of document.sources) {
    name.set(source.id, `source:${source.sha256}`);
    for (const quote of source.quotes) name.set(quote.id, `quote:${source.sha256}:${quote.start}-${quote.end}`);
  }
  const id = (value: string | null) => (value === null ? null : (name.get(value) ?? `unknown:${value}`));
  const body = (text: string) => text.replace(/\[\[q:([a-z0-9]+)\]\]/g, (_m, q: string) => `[[${id(q)}]]`);
  for (const argument of document.arguments) name.set(argument.id, `argument:${argument.createdAt}:${body(argument.revisions[0]!.body)}`);
  const who = (person: { handle: string; name: string }) => (mapAuthors ? authorOf.get(person.handle) : person.handle);
  const round = (x: number) => Math.round(x * 1e9) / 1e9;
  return {
    format: document.format,
    version: document.version,
    scope: document.scope,
    thesis: { ...document.thesis, id: undefined, author: who(document.thesis.author), strength: round(document.thesis.strength) },
    sources: document.sources
      .map((source) => ({
        ...source,
        id: id(source.id),
        addedBy: who(source.addedBy),
        quotes: source.quotes.map((quote) => ({ ...quote, id: id(quote.id), createdBy: who(quote.createdBy) })),
      }))
      .sort((a, b) => a.sha256.localeCompare(b.sha256)),
    arguments: document.arguments
      .map((argument) => ({
        ...argument,
        id: id(argument.id),
        parentId: id(argument.parentId),
        duplicateOfId: id(argument.duplicateOfId),
        author: who(argument.author),
        strength: round(argument.strength),
        revisions: argument.revisions.map((revision) => ({
          ...revision,
          body: body(revision.body),
          editor: who(revision.editor),
          citations: revision.citations.map((c) => ({ ...c, quoteId: id(c.quoteId) })),
        })),
      }))
      .sort((a, b) => a.id!.localeCompare(b.id!)),
  };
}
