import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";
import { recomputeThesisStrength } from "../strength/keep-strength";
import { seededRandom } from "@/lib/seeded-random";
import { wilsonLowerBound } from "@/lib/scoring/wilson";
import { disputedScore } from "@/lib/scoring/sort";

const WORDS = (
  "negotiations ceasefire sanctions sovereignty guarantees territory security alliance reconstruction evidence " +
  "claims military economy pressure referendum neutrality aid treaty border elections leadership frontline " +
  "diplomacy inflation energy exports reserves escalation deterrence commitments monitoring withdrawal"
).split(" ");

export interface GeneratedDebate {
  thesisId: string;
  slug: string;
  argumentIds: string[];
  /** The deepest argument, for focus-view measurements. */
  deepestId: string;
  voteCount: number;
}

/**
 * A generated debate of `size` arguments for benchmarks and scale tests, written in bulk (unnest inserts, 5,000
 * rows a statement) but shaped like the real thing: a bushy tree to depth 8, bodies of 300–800 characters, every
 * argument with its first revision, `votesPerArgument` real Vote rows on average from `voterIds` with the
 * counters that match them, `quotes` citations of a generated source, and strength computed by the same
 * database function the write path keeps (then checkable with verifyStrength).
 */
export async function generateDebate({
  slug,
  size,
  authorIds,
  voterIds = [],
  votesPerArgument = 0,
  quotes = 0,
  seed = 1,
}: {
  slug: string;
  size: number;
  authorIds: string[];
  voterIds?: string[];
  votesPerArgument?: number;
  quotes?: number;
  seed?: number;
}): Promise<GeneratedDebate> {
  // The same seed builds the same debate.
  const random = seededRandom(seed);
  const rand = random.next;
  const pick = random.pick;
  const thesis = await db.thesis.create({ data: { slug, title: `Generated debate of ${size} arguments (${slug})`, authorId: authorIds[0]! } });
  const tag = createHash("sha256").update(slug).digest("hex").slice(0, 10);
  const base = Date.now() - size * 1000;

  type Row = {
    id: string;
    parentId: string | null;
    depth: number;
    path: string;
    stance: "PRO" | "CON";
    authorId: string;
    body: string;
    createdAt: Date;
    up: number;
    down: number;
    replies: number;
  };
  const rows: Row[] = [];
  const open: number[] = []; // indexes of arguments that may still take replies (depth < 8)
  const topLevel = Math.max(20, Math.round(size * 0.02));
  for (let i = 0; i < size; i++) {
    // Later arguments reply to a random earlier one, favouring recent threads: bushy, with long chains too.
    const parent = i < topLevel && (i < 20 || rand() < 0.3) ? null : rows[open[Math.floor(open.length * Math.sqrt(rand()))] ?? 0] ?? null;
    const id = `g${tag}${i.toString(36).padStart(6, "0")}`;
    let body = "";
    const length = 300 + Math.floor(rand() * 500);
    while (body.length < length) body += `${pick(WORDS)} `;
    const votes = votesPerArgument > 0 ? Math.floor(rand() * votesPerArgument * 2 + 0.5) : 0;
    const up = Math.round(votes * (0.3 + rand() * 0.7));
    rows.push({
      id,
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      path: parent ? `${parent.path}/${id}` : id,
      stance: rand() < 0.55 ? "PRO" : "CON",
      authorId: pick(authorIds),
      body: body.trim().slice(0, length),
      createdAt: new Date(base + i * 1000),
      up: Math.min(up, voterIds.length),
      down: Math.min(votes - up, Math.max(0, voterIds.length - Math.min(up, voterIds.length))),
      replies: 0,
    });
    if (parent) parent.replies++;
    if (rows[i]!.depth < 8) open.push(i);
  }

  const chunks = <T,>(items: T[], n = 5_000) => Array.from({ length: Math.ceil(items.length / n) }, (_, k) => items.slice(k * n, k * n + n));
  for (const part of chunks(rows)) {
    await db.$executeRaw`
      INSERT INTO "Argument" (id, "thesisId", "parentId", stance, body, "authorId", depth, path, "createdAt",
                              "replyCount", "upCount", "downCount", "wilsonScore", "disputeScore")
      SELECT u.id, ${thesis.id}, u.parent, u.stance::"Stance", u.body, u.author, u.depth, u.path, u.created,
             u.replies, u.up, u.down, u.wilson, u.dispute
        FROM unnest(${part.map((r) => r.id)}::text[], ${part.map((r) => r.parentId)}::text[], ${part.map((r) => r.stance)}::text[],
                    ${part.map((r) => r.body)}::text[], ${part.map((r) => r.authorId)}::text[], ${part.map((r) => r.depth)}::int[],
                    ${part.map((r) => r.path)}::text[], ${part.map((r) => r.createdAt)}::timestamp[], ${part.map((r) => r.replies)}::int[],
                    ${part.map((r) => r.up)}::int[], ${part.map((r) => r.down)}::int[],
                    ${part.map((r) => wilsonLowerBound(r.up, r.down))}::float8[], ${part.map((r) => disputedScore(r.up, r.down))}::float8[])
             AS u(id, parent, stance, body, author, depth, path, created, replies, up, down, wilson, dispute)`;
    await db.$executeRaw`
      INSERT INTO "ArgumentRevision" (id, "argumentId", number, body, "editorId", "createdAt")
      SELECT 'r' || a.id, a.id, 1, a.body, a."authorId", a."createdAt" FROM "Argument" a WHERE a.id = ANY(${part.map((r) => r.id)}::text[])`;
    await db.$executeRaw`UPDATE "Argument" SET "currentRevisionId" = 'r' || id WHERE id = ANY(${part.map((r) => r.id)}::text[])`;
  }

  // Votes: the first `up` voters find it convincing, the next `down` do not (each voter votes once per argument).
  let voteCount = 0;
  if (voterIds.length > 0) {
    for (const part of chunks(rows, 2_000)) {
      const ids: string[] = [];
      const users: string[] = [];
      const args: string[] = [];
      const values: number[] = [];
      for (const row of part) {
        const offset = Math.floor(rand() * voterIds.length);
        for (let v = 0; v < row.up + row.down; v++) {
          ids.push(`v${row.id}x${v}`);
          users.push(voterIds[(offset + v) % voterIds.length]!);
          args.push(row.id);
          values.push(v < row.up ? 1 : -1);
        }
      }
      voteCount += ids.length;
      await db.$executeRaw`
        INSERT INTO "Vote" (id, "userId", "argumentId", "revisionId", value, "updatedAt")
        SELECT u.id, u.usr, u.arg, 'r' || u.arg, u.val, now()
          FROM unnest(${ids}::text[], ${users}::text[], ${args}::text[], ${values}::int[]) AS u(id, usr, arg, val)`;
    }
  }

  // Citations: quotes of one generated source, each cited by one argument's revision as footnote 1.
  if (quotes > 0) {
    const text = Array.from({ length: quotes }, (_, i) => `Passage number ${i} says something worth quoting about ${pick(WORDS)}.`).join(" ");
    const source = await db.source.create({
      data: { title: `Generated source for ${slug}`, captureMethod: "PASTED", text, sha256: createHash("sha256").update(text).digest("hex"), addedById: authorIds[0]! },
    });
    const quoteRows: { id: string; start: number; end: number; exact: string; argumentId: string }[] = [];
    let cursor = 0;
    for (let i = 0; i < quotes; i++) {
      const exact = `Passage number ${i} says`;
      const start = text.indexOf(exact, cursor);
      cursor = start + exact.length;
      quoteRows.push({ id: `q${tag}${i}`, start, end: start + exact.length, exact, argumentId: rows[Math.floor((i * rows.length) / quotes)]!.id });
    }
    for (const part of chunks(quoteRows)) {
      await db.$executeRaw`
        INSERT INTO "Quote" (id, "sourceId", exact, prefix, suffix, start, "end", "createdById")
        SELECT u.id, ${source.id}, u.exact, '', '', u.s, u.e, ${authorIds[0]!}
          FROM unnest(${part.map((q) => q.id)}::text[], ${part.map((q) => q.exact)}::text[], ${part.map((q) => q.start)}::int[], ${part.map((q) => q.end)}::int[]) AS u(id, exact, s, e)`;
      await db.$executeRaw`
        INSERT INTO "Citation" (id, "revisionId", "quoteId", number)
        SELECT 'c' || u.q, 'r' || u.a, u.q, 1 FROM unnest(${part.map((q) => q.id)}::text[], ${part.map((q) => q.argumentId)}::text[]) AS u(q, a)`;
      await db.$executeRaw`
        UPDATE "Argument" a SET body = a.body || ' [[q:' || u.q || ']]' FROM unnest(${part.map((q) => q.id)}::text[], ${part.map((q) => q.argumentId)}::text[]) AS u(q, aid)
         WHERE a.id = u.aid`;
      // The revision carries the same marker as the body: an export's check (and the app) expects both to agree.
      await db.$executeRaw`
        UPDATE "ArgumentRevision" r SET body = r.body || ' [[q:' || u.q || ']]' FROM unnest(${part.map((q) => q.id)}::text[], ${part.map((q) => q.argumentId)}::text[]) AS u(q, aid)
         WHERE r.id = 'r' || u.aid`;
    }
  }

  // Strength by the same database function that recomputes a thesis (then checkable with verifyStrength).
  const top = rows.filter((r) => r.parentId === null);
  await db.thesis.update({
    where: { id: thesis.id },
    data: { argumentCount: size, proCount: top.filter((r) => r.stance === "PRO").length, conCount: top.filter((r) => r.stance === "CON").length },
  });
  await db.$transaction((tx) => recomputeThesisStrength(tx, thesis.id), { timeout: 600_000 });
  const deepest = rows.reduce((a, b) => (b.depth > a.depth ? b : a), rows[0]!);
  return { thesisId: thesis.id, slug, argumentIds: rows.map((r) => r.id), deepestId: deepest.id, voteCount };
}
