import "server-only";
import { db, type Tx } from "../db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import type { ModerationActionInput } from "@/lib/validation/moderation";
import { appendModerationLog } from "./log";
import { publishLive, thesisTopic } from "../live/publish";
import { notifyModerationAct } from "../notifications/notify-moderation-act";
import {
  isSuspended,
  loadActiveActor,
  requireAdmin,
  requireCanSuspend,
  requireCanUndo,
  requireNotOwnContent,
  requireGlobalModerator,
  requireThesisModerator,
  requireThesisOwnerOrAdmin,
  type Actor,
  type ModeratorRole,
} from "../access/permissions";
import { findContentTarget, loadContentTarget, setContentVisibility, targetNoun, type ContentTarget } from "./targets";

export interface ModerationResult {
  action: ModerationActionInput["action"];
  logSeq: number;
  /** Thesis whose pages changed, for revalidation. */
  thesisSlug: string | null;
}

/**
 * Performs one moderation act: authorises the actor (as the database knows them now), makes the change and
 * appends its log entry, all in one transaction. Nothing is ever deleted: hiding is reversible.
 */
export async function performModerationAction({
  actor: { id: actorId },
  input,
}: {
  actor: { id: string };
  input: ModerationActionInput;
}): Promise<ModerationResult> {
  return db.$transaction(async (tx) => {
    const actor = await loadActiveActor(tx, actorId);
    const done = await ACTS[input.action](tx, actor, input as never);
    if ((input.action === "HIDE" || input.action === "RESTORE") && input.targetType === "ARGUMENT" && done.thesisId) {
      await publishLive(tx, thesisTopic(done.thesisId), input.action === "HIDE" ? "ARGUMENT_HIDDEN" : "ARGUMENT_RESTORED", input.targetId);
    }
    await notifyModerationAct(tx, done.logSeq);
    const slug = done.thesisId
      ? ((await tx.thesis.findUnique({ where: { id: done.thesisId }, select: { slug: true } }))?.slug ?? null)
      : null;
    return { action: input.action, logSeq: done.logSeq, thesisSlug: slug };
  });
}

type Act<A extends ModerationActionInput["action"]> = (
  tx: Tx,
  actor: Actor,
  input: Extract<ModerationActionInput, { action: A }>,
) => Promise<{ logSeq: number; thesisId: string | null }>;

/** Who may act on a piece of content: arguments belong to their thesis's team, everything else is site-wide. */
async function requireContentModerator(tx: Tx, actor: Actor, target: ContentTarget): Promise<ModeratorRole> {
  if (target.type === "ARGUMENT" && target.thesisId) return requireThesisModerator(tx, actor, target.thesisId);
  return requireGlobalModerator(actor);
}

/**
 * The roles of the acts an undo would reverse: the `acts` on the target since the last `undo` (or ever). A
 * restore clears both a hiding and a duplicate mark, so every such act since the last restore counts.
 */
async function rolesToUndo(tx: Tx, target: { type: ContentTarget["type"] | "USER"; id: string }, acts: string[], undo: string): Promise<string[]> {
  const rows = await tx.moderationAction.findMany({
    where: { targetType: target.type, targetId: target.id, action: { in: [...acts, undo] } },
    orderBy: { seq: "desc" },
    take: 20,
    select: { action: true, actorRole: true },
  });
  const since = rows.findIndex((row) => row.action === undo);
  return (since === -1 ? rows : rows.slice(0, since)).map((row) => row.actorRole);
}

async function resolveReviewItem(tx: Tx, actorId: string, target: { type: string; id: string }, status: "ACTIONED" | "DISMISSED") {
  await tx.reviewItem.updateMany({
    where: { targetType: target.type as ContentTarget["type"], targetId: target.id, status: "PENDING" },
    data: { status, resolvedById: actorId, resolvedAt: new Date() },
  });
}

const dismiss: Act<"DISMISS"> = async (tx, actor, input) => {
  const item = await tx.reviewItem.findUnique({ where: { id: input.reviewItemId } });
  if (!item) throw new NotFoundError("That review item does not exist.");
  const role = item.thesisId ? await requireThesisModerator(tx, actor, item.thesisId) : requireGlobalModerator(actor);
  const target = await findContentTarget(tx, item.targetType as ContentTarget["type"], item.targetId);
  if (target) requireNotOwnContent(actor, target);
  if (item.status !== "PENDING") throw new ConflictError("That review item is already resolved.");
  await tx.reviewItem.update({
    where: { id: item.id },
    data: { status: "DISMISSED", resolvedById: actor.id, resolvedAt: new Date() },
  });
  const log = await appendModerationLog(tx, {
    actorId: actor.id,
    actorRole: role,
    action: "DISMISS",
    targetType: item.targetType,
    targetId: item.targetId,
    thesisId: item.thesisId,
    reason: input.reason,
    details: { reviewItemId: item.id, flagCount: item.flagCount },
  });
  return { logSeq: log.seq, thesisId: item.thesisId };
};

const hide: Act<"HIDE"> = async (tx, actor, input) => {
  const target = await loadContentTarget(tx, input.targetType, input.targetId);
  const role = await requireContentModerator(tx, actor, target);
  requireNotOwnContent(actor, target);
  if (target.visibility === "HIDDEN") throw new ConflictError(`That ${targetNoun(target.type)} is already hidden.`);
  await setContentVisibility(tx, target, "HIDDEN", input.reason);
  await resolveReviewItem(tx, actor.id, target, "ACTIONED");
  const log = await appendModerationLog(tx, {
    actorId: actor.id,
    actorRole: role,
    action: "HIDE",
    targetType: target.type,
    targetId: target.id,
    thesisId: target.thesisId,
    reason: input.reason,
    details: { authorId: target.authorId },
  });
  return { logSeq: log.seq, thesisId: target.thesisId };
};

const restore: Act<"RESTORE"> = async (tx, actor, input) => {
  const target = await loadContentTarget(tx, input.targetType, input.targetId);
  const role = await requireContentModerator(tx, actor, target);
  requireNotOwnContent(actor, target);
  requireCanUndo(role, await rolesToUndo(tx, target, ["HIDE", "MARK_DUPLICATE"], "RESTORE"));
  const duplicate =
    target.type === "ARGUMENT"
      ? (await tx.argument.findUniqueOrThrow({ where: { id: target.id }, select: { duplicateOfId: true } })).duplicateOfId
      : null;
  if (target.visibility === "VISIBLE" && !duplicate) {
    throw new ConflictError(`That ${targetNoun(target.type)} is neither hidden nor marked as a duplicate.`);
  }
  await setContentVisibility(tx, target, "VISIBLE", null);
  if (duplicate) await tx.argument.update({ where: { id: target.id }, data: { duplicateOfId: null } });
  const log = await appendModerationLog(tx, {
    actorId: actor.id,
    actorRole: role,
    action: "RESTORE",
    targetType: target.type,
    targetId: target.id,
    thesisId: target.thesisId,
    reason: input.reason,
    details: { wasHidden: target.visibility === "HIDDEN", wasDuplicateOf: duplicate },
  });
  return { logSeq: log.seq, thesisId: target.thesisId };
};

const markDuplicate: Act<"MARK_DUPLICATE"> = async (tx, actor, input) => {
  const target = await loadContentTarget(tx, "ARGUMENT", input.targetId);
  const role = await requireContentModerator(tx, actor, target);
  requireNotOwnContent(actor, target);
  if (input.duplicateOfId === input.targetId) {
    throw new InvalidInputError("An argument cannot duplicate itself.", { duplicateOfId: ["Choose another argument."] });
  }
  const original = await tx.argument.findFirst({
    where: { id: input.duplicateOfId, thesisId: target.thesisId! },
    select: { id: true, duplicateOfId: true },
  });
  if (!original) {
    const message = "The original must be another argument in the same thesis.";
    throw new InvalidInputError(message, { duplicateOfId: [message] });
  }
  // Pointing at the original's own original keeps duplicate chains one step long.
  const originalId = original.duplicateOfId ?? original.id;
  if (originalId === target.id) {
    throw new InvalidInputError("That argument is itself marked as a duplicate of this one.", { duplicateOfId: ["Choose another argument."] });
  }
  await tx.argument.update({ where: { id: target.id }, data: { duplicateOfId: originalId } });
  await resolveReviewItem(tx, actor.id, target, "ACTIONED");
  const log = await appendModerationLog(tx, {
    actorId: actor.id,
    actorRole: role,
    action: "MARK_DUPLICATE",
    targetType: "ARGUMENT",
    targetId: target.id,
    thesisId: target.thesisId,
    reason: input.reason,
    details: { duplicateOfId: originalId },
  });
  return { logSeq: log.seq, thesisId: target.thesisId };
};

function lockAct(status: "LOCKED" | "OPEN"): Act<"LOCK" | "UNLOCK"> {
  return async (tx, actor, input) => {
    const thesis = await tx.thesis.findUnique({ where: { id: input.thesisId }, select: { id: true, status: true } });
    if (!thesis) throw new NotFoundError("That thesis does not exist.");
    const role = await requireThesisModerator(tx, actor, thesis.id);
    if (status === "OPEN") requireCanUndo(role, await rolesToUndo(tx, { type: "THESIS", id: thesis.id }, ["LOCK"], "UNLOCK"));
    // Checked and changed in one conditional update: of two moderators locking at once (through two app processes,
    // say), the second waits on the row, finds it already locked and is refused, so the log records the act once.
    const { count } = await tx.thesis.updateMany({ where: { id: thesis.id, status: { not: status } }, data: { status } });
    if (count === 0) throw new ConflictError(status === "LOCKED" ? "That thesis is already locked." : "That thesis is not locked.");
    if (status === "LOCKED") await resolveReviewItem(tx, actor.id, { type: "THESIS", id: thesis.id }, "ACTIONED");
    const log = await appendModerationLog(tx, {
      actorId: actor.id,
      actorRole: role,
      action: status === "LOCKED" ? "LOCK" : "UNLOCK",
      targetType: "THESIS",
      targetId: thesis.id,
      thesisId: thesis.id,
      reason: input.reason,
    });
    return { logSeq: log.seq, thesisId: thesis.id };
  };
}

async function loadUser(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, suspendedUntil: true } });
  if (!user) throw new NotFoundError("That member does not exist.");
  return user;
}

const suspend: Act<"SUSPEND"> = async (tx, actor, input) => {
  const target = await loadUser(tx, input.userId);
  const role = requireCanSuspend(actor, target);
  const until = new Date(Date.now() + input.hours * 3_600_000);
  await tx.user.update({ where: { id: target.id }, data: { suspendedUntil: until } });
  const log = await appendModerationLog(tx, {
    actorId: actor.id,
    actorRole: role,
    action: "SUSPEND",
    targetType: "USER",
    targetId: target.id,
    reason: input.reason,
    details: { hours: input.hours, until: until.toISOString(), previousUntil: target.suspendedUntil?.toISOString() ?? null },
  });
  return { logSeq: log.seq, thesisId: null };
};

const unsuspend: Act<"UNSUSPEND"> = async (tx, actor, input) => {
  const target = await loadUser(tx, input.userId);
  const role = requireCanSuspend(actor, target);
  // A suspension replaces any earlier one (which may have run out unlifted): only the latest is being undone.
  requireCanUndo(role, (await rolesToUndo(tx, { type: "USER", id: target.id }, ["SUSPEND"], "UNSUSPEND")).slice(0, 1));
  if (!isSuspended(target)) throw new ConflictError("That member is not suspended.");
  await tx.user.update({ where: { id: target.id }, data: { suspendedUntil: null } });
  const log = await appendModerationLog(tx, {
    actorId: actor.id,
    actorRole: role,
    action: "UNSUSPEND",
    targetType: "USER",
    targetId: target.id,
    reason: input.reason,
    details: { previousUntil: target.suspendedUntil.toISOString() },
  });
  return { logSeq: log.seq, thesisId: null };
};

const appoint: Act<"APPOINT_MODERATOR"> = async (tx, actor, input) => {
  const role = await requireThesisOwnerOrAdmin(tx, actor, input.thesisId);
  const handle = input.handle.replace(/^@/, "").toLowerCase();
  const member = await tx.user.findUnique({ where: { handle }, select: { id: true } });
  if (!member) throw new InvalidInputError("No member has that handle.", { handle: ["No member has that handle."] });
  const thesis = await tx.thesis.findUniqueOrThrow({ where: { id: input.thesisId }, select: { authorId: true } });
  if (thesis.authorId === member.id) {
    throw new InvalidInputError("The owner already moderates this thesis.", { handle: ["The owner already moderates this thesis."] });
  }
  const existing = await tx.thesisModerator.findUnique({ where: { thesisId_userId: { thesisId: input.thesisId, userId: member.id } } });
  if (existing) throw new ConflictError("That member already moderates this thesis.", { handle: ["Already a moderator here."] });
  await tx.thesisModerator.create({ data: { thesisId: input.thesisId, userId: member.id, appointedById: actor.id } });
  const log = await appendModerationLog(tx, {
    actorId: actor.id,
    actorRole: role,
    action: "APPOINT_MODERATOR",
    targetType: "USER",
    targetId: member.id,
    thesisId: input.thesisId,
    reason: input.reason,
  });
  return { logSeq: log.seq, thesisId: input.thesisId };
};

const removeModerator: Act<"REMOVE_MODERATOR"> = async (tx, actor, input) => {
  const role = await requireThesisOwnerOrAdmin(tx, actor, input.thesisId);
  const removed = await tx.thesisModerator.deleteMany({ where: { thesisId: input.thesisId, userId: input.userId } });
  if (removed.count === 0) throw new NotFoundError("That member does not moderate this thesis.");
  const log = await appendModerationLog(tx, {
    actorId: actor.id,
    actorRole: role,
    action: "REMOVE_MODERATOR",
    targetType: "USER",
    targetId: input.userId,
    thesisId: input.thesisId,
    reason: input.reason,
  });
  return { logSeq: log.seq, thesisId: input.thesisId };
};

const setRole: Act<"SET_ROLE"> = async (tx, actor, input) => {
  const role = requireAdmin(actor);
  const target = await loadUser(tx, input.userId);
  // An admin demoting themselves could leave the site with none; another admin has to do it.
  if (target.id === actor.id) throw new ForbiddenError("You cannot change your own role.");
  if (target.role === input.role) throw new ConflictError(`That member is already ${input.role.toLowerCase()}.`);
  await tx.user.update({ where: { id: target.id }, data: { role: input.role } });
  const log = await appendModerationLog(tx, {
    actorId: actor.id,
    actorRole: role,
    action: "SET_ROLE",
    targetType: "USER",
    targetId: target.id,
    reason: input.reason,
    details: { from: target.role, to: input.role },
  });
  return { logSeq: log.seq, thesisId: null };
};

const ACTS: { [A in ModerationActionInput["action"]]: Act<A> } = {
  DISMISS: dismiss,
  HIDE: hide,
  RESTORE: restore,
  MARK_DUPLICATE: markDuplicate,
  LOCK: lockAct("LOCKED") as Act<"LOCK">,
  UNLOCK: lockAct("OPEN") as Act<"UNLOCK">,
  SUSPEND: suspend,
  UNSUSPEND: unsuspend,
  APPOINT_MODERATOR: appoint,
  REMOVE_MODERATOR: removeModerator,
  SET_ROLE: setRole,
};
