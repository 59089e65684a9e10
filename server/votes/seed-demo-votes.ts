import "server-only";
import { db } from "../db";
import { setVote } from "./cast-vote";
import { setThesisStance } from "../stances/set-thesis-stance";

/**
 * Demo judgments for the seeded debate, so a fresh install shows ranking, vote bars and a thesis strength that
 * are not all zero. Deterministic (a hash of positions in posting order, no randomness) and cast through the same data functions
 * as real votes, so every counter is kept the way the app keeps it.
 */
export async function seedDemoVotes(thesisId: string, argumentIds: string[], memberIds: string[]): Promise<number> {
  // In posting order, not by id or path: ids are random, and an order that changed from one seed to the next gave
  // the demo debate different votes (and a different strength) on every fresh install.
  const found = await db.argument.findMany({ where: { thesisId, id: { in: argumentIds } }, select: { id: true, authorId: true } });
  const byId = new Map(found.map((argument) => [argument.id, argument]));
  const args = argumentIds.map((id) => byId.get(id)!);
  const members = await db.user.findMany({ where: { id: { in: memberIds } }, select: { id: true, createdAt: true } });
  const memberById = new Map(members.map((member) => [member.id, member]));
  let cast = 0;
  for (const [a, argument] of args.entries()) {
    for (const [m, memberId] of memberIds.entries()) {
      if (memberId === argument.authorId) continue;
      const roll = (a * 7 + m * 13 + a * m) % 10;
      if (roll >= 8) continue; // no opinion
      await setVote({ actor: memberById.get(memberId)!, argumentId: argument.id, value: roll < 6 ? 1 : -1 });
      cast++;
    }
  }
  const positions = [2, -1, 1, -2, 0] as const;
  for (const [m, memberId] of memberIds.entries()) await setThesisStance({ actor: { id: memberId }, thesisId, value: positions[m % positions.length]! });
  return cast;
}
