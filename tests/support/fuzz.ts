import fc from "fast-check";
import { db } from "@/server/db";

/** Runs per input family: the suite's contract is at least 200 generated malformed inputs for each. */
export const RUNS_PER_FAMILY = 200;

/** Text that no schema may accept: it carries a NUL or another control character somewhere. */
export const controlText = fc
  .tuple(fc.string({ maxLength: 30 }), fc.constantFrom("\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\u000b"), fc.string({ maxLength: 30 }))
  .map(([a, c, b]) => `${a}${c}${b}`);

/** Path segments that cannot name anything: control characters, separators, dots, over-long, odd Unicode. */
export const badSegment = fc.oneof(
  controlText,
  fc.constantFrom("..", ".", "%", "%00", "%zz", "a/b", "a b", "null", "undefined", "-", "💥", "\ud800", "x".repeat(65), "A".repeat(1000)),
  fc.string({ minLength: 1, maxLength: 80 }).filter((s) => !/^[a-z0-9]+$/i.test(s)),
);

/** Values of the wrong kind for any field. */
export const wrongValue = fc.oneof(
  controlText,
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: false }).filter((n) => !Number.isInteger(n) || Math.abs(n) > 2 ** 31),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

/**
 * JSON bodies no route may accept: not an object, or an object whose every field (the route's own names among
 * them) holds a wrong value; or text that is not JSON at all.
 */
export function badBody(fieldNames: string[]) {
  const names = fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 12 }));
  return fc.oneof(
    fc.record({ kind: fc.constant("json" as const), value: fc.dictionary(names, wrongValue, { minKeys: 0, maxKeys: 6 }) }),
    fc.record({ kind: fc.constant("json" as const), value: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), controlText) }),
    fc.record({ kind: fc.constant("text" as const), value: fc.string({ maxLength: 40 }).filter((s) => isNotJson(s)) }),
    fc.record({ kind: fc.constant("form" as const), value: fc.string({ maxLength: 40 }) }),
    fc.record({ kind: fc.constant("huge" as const), value: fc.integer({ min: 17, max: 64 }) }),
  );
}

function isNotJson(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

/**
 * What a set of members can have changed anywhere: their rows in every table they can write to, and the state of
 * the fixtures (theses, arguments, users) they could act on. Scoped to them because other test files run at the
 * same time against the same database.
 */
export async function footprint(userIds: string[], fixtures: { thesisIds: string[]; argumentIds: string[] }) {
  const mine = { in: userIds };
  const [theses, argumentsWritten, revisions, sources, quotes, votes, stances, tokens, flags, actions, appointed, state] = await Promise.all([
    db.thesis.count({ where: { authorId: mine } }),
    db.argument.count({ where: { authorId: mine } }),
    db.argumentRevision.count({ where: { editorId: mine } }),
    db.source.count({ where: { addedById: mine } }),
    db.quote.count({ where: { createdById: mine } }),
    db.vote.count({ where: { userId: mine } }),
    db.thesisStance.count({ where: { userId: mine } }),
    db.apiToken.findMany({ where: { userId: mine }, select: { id: true, revokedAt: true } }),
    db.flag.count({ where: { reporterId: mine } }),
    db.moderationAction.count({ where: { actorId: mine } }),
    db.thesisModerator.count({ where: { appointedById: mine } }),
    Promise.all([
      db.thesis.findMany({ where: { id: { in: fixtures.thesisIds } }, orderBy: { id: "asc" } }),
      db.argument.findMany({ where: { id: { in: fixtures.argumentIds } }, orderBy: { id: "asc" } }),
      db.user.findMany({ where: { id: mine }, orderBy: { id: "asc" }, select: { id: true, role: true, suspendedUntil: true, name: true } }),
    ]),
  ]);
  return JSON.stringify({ theses, argumentsWritten, revisions, sources, quotes, votes, stances, tokens, flags, actions, appointed, state });
}
