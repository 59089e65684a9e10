import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { loadActiveActor, requireAdmin } from "../access/permissions";
import { appendModerationLog } from "../moderation/log";
import { recomputeThesisStrength } from "../strength/keep-strength";
import { createHandle } from "../users/create-handle";
import { slugify } from "@/lib/slug";
import { wilsonLowerBound } from "@/lib/scoring/wilson";
import { disputedScore } from "@/lib/scoring/sort";
import { CITATION_MARKER, citationMarker } from "@/lib/validation/citation";
import type { ExportPerson, ThesisExport } from "@/lib/interchange/export-schema";
import { checkThesisExport, importRefused } from "./check-export";

/**
 * Authors mapping: an exported author's handle → the handle or email of an account on this site. Authors not
 * named get a placeholder account each ("… (imported)"), which has no password and no linked login, so nobody
 * can sign in as it.
 */
export const authorMappingSchema = z.record(z.string().min(1).max(254), z.string().min(1).max(254));
export type AuthorMapping = z.infer<typeof authorMappingSchema>;

/** Placeholder accounts live under a reserved domain (RFC 2606): no mail reaches it, no sign-up can claim it. */
const PLACEHOLDER_DOMAIN = "imported.agora.invalid";

export interface ImportReport {
  thesis: { id: string; slug: string };
  counts: { arguments: number; revisions: number; sources: number; quotes: number; citations: number };
  authors: { mapped: number; placeholders: number };
  /** Exported id → new id, per kind: what a reader needs to follow links from the old site. */
  ids: { arguments: Record<string, string>; sources: Record<string, string>; quotes: Record<string, string> };
}

/**
 * Imports an export file as a new thesis, on behalf of an administrator. The file is checked completely first
 * (check-export.ts: nothing is written for a file with any problem), then everything is written in one
 * transaction with its moderation-log entry, and the stored strength is recomputed from the imported votes.
 */
export async function importThesis({ actorId, text, authors = {} }: { actorId: string; text: string; authors?: AuthorMapping }): Promise<ImportReport> {
  // Checking a large file costs seconds: only administrators get that far.
  requireAdmin(await loadActiveActor(db, actorId));
  const mapping = authorMappingSchema.safeParse(authors);
  if (!mapping.success) throw importRefused("The authors mapping must be an object of handle → handle or email.");
  const document = checkThesisExport(text);
  const mapped = await resolveMapping(document, mapping.data);

  return db.$transaction(
    async (tx) => {
      requireAdmin(await loadActiveActor(tx, actorId));
      return writeThesis(tx, actorId, document, mapped);
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

/** Exported handle → local user id for the mapped authors; a mapping to nobody on this site is refused. */
async function resolveMapping(document: ThesisExport, mapping: AuthorMapping): Promise<Map<string, string>> {
  const exported = new Set(people(document).keys());
  const targets = Object.entries(mapping).filter(([handle]) => exported.has(handle));
  const users = await db.user.findMany({
    where: { OR: [{ handle: { in: targets.map(([, to]) => to) } }, { email: { in: targets.map(([, to]) => to.toLowerCase()) } }] },
    select: { id: true, handle: true, email: true },
  });
  const problems: string[] = [];
  const resolved = new Map<string, string>();
  for (const [from, to] of targets) {
    const user = users.find((u) => u.handle === to || u.email === to.toLowerCase());
    if (user) resolved.set(from, user.id);
    else problems.push(`Authors mapping: "${from}" → "${to}", but no account here has that handle or email.`);
  }
  if (problems.length) throw importRefused("The authors mapping names accounts that do not exist.", problems);
  return resolved;
}

/** Every person the document names, by exported handle. */
function people(document: ThesisExport): Map<string, ExportPerson> {
  const all = new Map<string, ExportPerson>();
  const add = (person: ExportPerson) => all.set(person.handle, person);
  add(document.thesis.author);
  for (const source of document.sources) {
    add(source.addedBy);
    source.quotes.forEach((quote) => add(quote.createdBy));
  }
  for (const argument of document.arguments) {
    add(argument.author);
    argument.revisions.forEach((revision) => add(revision.editor));
  }
  return all;
}

/** Ids like the site's own (lower-case letters and digits, so citation markers can carry them). */
function newId(): string {
  return `i${randomBytes(12).toString("hex")}`;
}

const CHUNK = 2_000;
function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, k) => items.slice(k * CHUNK, k * CHUNK + CHUNK));
}

async function writeThesis(tx: Tx, actorId: string, document: ThesisExport, mapped: Map<string, string>): Promise<ImportReport> {
  const userIds = new Map(mapped);
  let placeholders = 0;
  for (const person of people(document).values()) {
    if (userIds.has(person.handle)) continue;
    userIds.set(person.handle, await placeholderAuthor(tx, person));
    placeholders++;
  }
  const userOf = (person: ExportPerson) => userIds.get(person.handle)!;

  const { thesis: from } = document;
  const top = document.arguments.filter((a) => a.parentId === null);
  const thesis = await tx.thesis.create({
    data: {
      slug: await freeSlug(tx, from.slug),
      title: from.title,
      body: from.body,
      authorId: userOf(from.author),
      status: from.status,
      visibility: from.visibility,
      moderationNote: from.moderationNote,
      createdAt: new Date(from.createdAt),
      lastActivityAt: new Date(Math.max(Date.parse(from.createdAt), ...document.arguments.map((a) => Date.parse(a.createdAt)))),
      argumentCount: document.arguments.length,
      proCount: top.filter((a) => a.stance === "PRO").length,
      conCount: top.filter((a) => a.stance === "CON").length,
      importedStances: (["-2", "-1", "0", "1", "2"] as const).map((value) => from.stances[value]),
    },
    select: { id: true, slug: true },
  });

  const sourceIds: Record<string, string> = {};
  const quoteIds: Record<string, string> = {};
  let quoteCount = 0;
  for (const source of document.sources) {
    const existing = source.canonicalUrl
      ? await tx.source.findUnique({ where: { canonicalUrl: source.canonicalUrl }, select: { id: true, sha256: true } })
      : null;
    if (existing && existing.sha256 !== source.sha256) {
      throw importRefused(`Source "${source.title}" (${source.canonicalUrl}) is already stored here with a different snapshot; one address is one source.`);
    }
    // A source this site already holds (same address, same snapshot) is shared, as any member's quote would share it.
    const sourceId = existing?.id ?? newId();
    sourceIds[source.id] = sourceId;
    if (!existing) {
      await tx.source.create({
        data: {
          id: sourceId,
          canonicalUrl: source.canonicalUrl,
          url: source.url,
          finalUrl: source.finalUrl,
          title: source.title,
          publisher: source.publisher,
          byline: source.byline,
          publishedAt: source.publishedAt ? new Date(source.publishedAt) : null,
          captureMethod: source.captureMethod,
          capturedAt: new Date(source.capturedAt),
          contentType: source.contentType,
          text: source.text,
          sha256: source.sha256,
          addedById: userOf(source.addedBy),
          createdAt: new Date(source.createdAt),
          visibility: source.visibility,
          moderationNote: source.moderationNote,
        },
      });
    }
    const present = existing
      ? await tx.quote.findMany({ where: { sourceId, start: { in: source.quotes.map((q) => q.start) } }, select: { id: true, start: true, end: true } })
      : [];
    const fresh = [];
    for (const quote of source.quotes) {
      const same = present.find((q) => q.start === quote.start && q.end === quote.end);
      quoteIds[quote.id] = same?.id ?? newId();
      if (!same) fresh.push(quote);
    }
    for (const part of chunks(fresh)) {
      await tx.quote.createMany({
        data: part.map((quote) => ({
          id: quoteIds[quote.id]!,
          sourceId,
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
          start: quote.start,
          end: quote.end,
          createdById: userOf(quote.createdBy),
          createdAt: new Date(quote.createdAt),
          visibility: quote.visibility,
          moderationNote: quote.moderationNote,
        })),
      });
    }
    quoteCount += fresh.length;
  }

  const argumentIds: Record<string, string> = {};
  const placed = new Map<string, { depth: number; path: string }>();
  const replies = new Map<string, number>();
  for (const argument of document.arguments) {
    argumentIds[argument.id] = newId();
    if (argument.parentId) replies.set(argument.parentId, (replies.get(argument.parentId) ?? 0) + 1);
  }
  const rewrite = (body: string) => body.replace(CITATION_MARKER, (_marker, quoteId: string) => citationMarker(quoteIds[quoteId]!));
  const currentRevisions: { argumentId: string; revisionId: string }[] = [];
  let revisionCount = 0;
  let citationCount = 0;
  for (const part of chunks(document.arguments)) {
    const revisions: Prisma.ArgumentRevisionCreateManyInput[] = [];
    const citations: Prisma.CitationCreateManyInput[] = [];
    const rows = part.map((argument) => {
      const id = argumentIds[argument.id]!;
      const parent = argument.parentId ? placed.get(argument.parentId)! : null;
      const place = { depth: parent ? parent.depth + 1 : 0, path: parent ? `${parent.path}/${id}` : id };
      placed.set(argument.id, place);
      for (const revision of argument.revisions) {
        const revisionId = newId();
        revisions.push({
          id: revisionId,
          argumentId: id,
          number: revision.number,
          body: rewrite(revision.body),
          editorId: userOf(revision.editor),
          minor: revision.minor,
          createdAt: new Date(revision.createdAt),
        });
        for (const citation of revision.citations) citations.push({ revisionId, quoteId: quoteIds[citation.quoteId]!, number: citation.number });
        if (revision.number === argument.currentRevision) currentRevisions.push({ argumentId: id, revisionId });
      }
      const current = argument.revisions[argument.currentRevision - 1]!;
      const { up, down, staleUp, staleDown } = argument.votes;
      return {
        id,
        thesisId: thesis.id,
        parentId: argument.parentId ? argumentIds[argument.parentId]! : null,
        stance: argument.stance,
        body: rewrite(current.body),
        authorId: userOf(argument.author),
        status: argument.status,
        moderationNote: argument.moderationNote,
        depth: place.depth,
        path: place.path,
        replyCount: replies.get(argument.id) ?? 0,
        upCount: up,
        downCount: down,
        staleUpCount: staleUp,
        staleDownCount: staleDown,
        wilsonScore: wilsonLowerBound(up, down),
        disputeScore: disputedScore(up, down),
        createdAt: new Date(argument.createdAt),
        editedAt: argument.editedAt ? new Date(argument.editedAt) : null,
      };
    });
    await tx.argument.createMany({ data: rows });
    await tx.argumentRevision.createMany({ data: revisions });
    if (citations.length) await tx.citation.createMany({ data: citations });
    revisionCount += revisions.length;
    citationCount += citations.length;
  }
  // Arguments and their current revisions point at each other, and a duplicate may come later in the file: both
  // links are set once every row exists.
  for (const part of chunks(currentRevisions)) {
    await tx.$executeRaw`
      UPDATE "Argument" a SET "currentRevisionId" = u.rev
        FROM unnest(${part.map((p) => p.argumentId)}::text[], ${part.map((p) => p.revisionId)}::text[]) AS u(arg, rev)
       WHERE a.id = u.arg`;
  }
  const duplicates = document.arguments.filter((a) => a.duplicateOfId !== null);
  for (const argument of duplicates) {
    await tx.argument.update({ where: { id: argumentIds[argument.id]! }, data: { duplicateOfId: argumentIds[argument.duplicateOfId!]! } });
  }
  await recomputeThesisStrength(tx, thesis.id);

  const report: ImportReport = {
    thesis,
    counts: { arguments: document.arguments.length, revisions: revisionCount, sources: document.sources.length, quotes: quoteCount, citations: citationCount },
    authors: { mapped: mapped.size, placeholders },
    ids: { arguments: argumentIds, sources: sourceIds, quotes: quoteIds },
  };
  await appendModerationLog(tx, {
    actorId,
    actorRole: "ADMIN",
    action: "IMPORT_THESIS",
    targetType: "THESIS",
    targetId: thesis.id,
    thesisId: thesis.id,
    // The exporting site's own log of the thesis cannot join this site's hash chain; it is kept, hashes and all,
    // as part of the import's entry.
    details: {
      from: { slug: from.slug, exportedAt: document.exportedAt, scope: document.scope },
      counts: report.counts,
      authors: report.authors,
      originalLog: document.moderationLog,
    },
  });
  return report;
}

/** One placeholder per exported handle, reused by later imports of the same author. */
async function placeholderAuthor(tx: Tx, person: ExportPerson): Promise<string> {
  const email = `${slugify(person.handle).slice(0, 60) || "author"}@${PLACEHOLDER_DOMAIN}`;
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return existing.id;
  const base = `${person.name.slice(0, 38)} (imported)`;
  const taken = new Set(
    (await tx.user.findMany({ where: { nameKey: { startsWith: base.toLowerCase() } }, select: { nameKey: true } })).map((u) => u.nameKey),
  );
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  const user = await tx.user.create({
    data: { email, name, nameKey: name.toLowerCase(), handle: await createHandle(tx, `${person.handle} imported`), passwordHash: null },
    select: { id: true },
  });
  return user.id;
}

/** The exported slug when it is free here, else the first free "<slug>-2", "<slug>-3"… */
async function freeSlug(tx: Tx, slug: string): Promise<string> {
  const base = slugify(slug).slice(0, 80) || "imported-thesis";
  const taken = new Set((await tx.thesis.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((t) => t.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
