import "server-only";
import { db, type Tx } from "../db";
import { ForbiddenError, NotFoundError, UnauthorizedError } from "../errors";
import type { CurrentUser } from "../auth/current-user";

/**
 * The one place that answers "may this actor do this to this target" (what a viewer may *see* is in
 * ./visibility.ts, how often they may do it in ./limits.ts). Data functions call these with the actor as re-read
 * inside their own transaction, so a role revoked a moment ago is already revoked here.
 */

export type GlobalRole = "USER" | "MODERATOR" | "ADMIN";
/** How an actor is entitled to moderate, as recorded in the log. */
export type ModeratorRole = "ADMIN" | "MODERATOR" | "THESIS_OWNER" | "THESIS_MODERATOR";

export interface Actor {
  id: string;
  role: GlobalRole;
  suspendedUntil: Date | null;
}

type Client = Tx | typeof db;

export function isSuspended<T extends Pick<Actor, "suspendedUntil">>(user: T, now = new Date()): user is T & { suspendedUntil: Date } {
  return user.suspendedUntil !== null && user.suspendedUntil > now;
}

export function isGlobalModerator(user: Pick<Actor, "role"> | null | undefined): boolean {
  return user?.role === "MODERATOR" || user?.role === "ADMIN";
}

export function isAdmin(user: Pick<Actor, "role"> | null | undefined): boolean {
  return user?.role === "ADMIN";
}

/**
 * The checks every write makes on a caller already read in this request: signed in, still existing, not
 * suspended. Needs no Auth.js, so the production server's fast path (which authenticates by API token) can use it.
 */
export function assertCanWrite(user: CurrentUser | null): CurrentUser {
  if (!user) throw new UnauthorizedError();
  if (isSuspended(user)) {
    throw new ForbiddenError(`Your account is suspended until ${user.suspendedUntil.toUTCString()}.`, "ACCOUNT_SUSPENDED");
  }
  return user;
}

/** Loads the actor as the database knows them now and refuses a missing or suspended account. */
export async function loadActiveActor(client: Client, actorId: string): Promise<Actor> {
  const actor = await client.user.findUnique({ where: { id: actorId }, select: { id: true, role: true, suspendedUntil: true } });
  if (!actor) throw new ForbiddenError("Your account no longer exists.");
  if (isSuspended(actor)) {
    throw new ForbiddenError(`Your account is suspended until ${actor.suspendedUntil!.toUTCString()}.`, "ACCOUNT_SUSPENDED");
  }
  return actor;
}

/** The actor's moderating role on a thesis, or null when they may not moderate it. */
export async function thesisModeratorRole(client: Client, actor: Actor, thesisId: string): Promise<ModeratorRole | null> {
  if (actor.role === "ADMIN") return "ADMIN";
  if (actor.role === "MODERATOR") return "MODERATOR";
  const thesis = await client.thesis.findUnique({
    where: { id: thesisId },
    select: { authorId: true, moderators: { where: { userId: actor.id }, select: { userId: true } } },
  });
  if (!thesis) return null;
  if (thesis.authorId === actor.id) return "THESIS_OWNER";
  return thesis.moderators.length > 0 ? "THESIS_MODERATOR" : null;
}

export async function canModerateThesis(actor: Actor | null, thesisId: string, client: Client = db): Promise<boolean> {
  if (!actor || isSuspended(actor)) return false;
  return (await thesisModeratorRole(client, actor, thesisId)) !== null;
}

export async function requireThesisModerator(client: Client, actor: Actor, thesisId: string): Promise<ModeratorRole> {
  const role = await thesisModeratorRole(client, actor, thesisId);
  if (!role) throw new ForbiddenError("Only this thesis's owner, its moderators and site moderators can do that.");
  return role;
}

export function requireGlobalModerator(actor: Actor): ModeratorRole {
  if (actor.role === "ADMIN") return "ADMIN";
  if (actor.role === "MODERATOR") return "MODERATOR";
  throw new ForbiddenError("Only site moderators can do that.");
}

export function requireAdmin(actor: Actor): ModeratorRole {
  if (actor.role !== "ADMIN") throw new ForbiddenError("Only administrators can do that.");
  return "ADMIN";
}

/** Owners appoint their thesis's moderators; admins may fix any thesis's team. */
export async function requireThesisOwnerOrAdmin(client: Client, actor: Actor, thesisId: string): Promise<ModeratorRole> {
  const thesis = await client.thesis.findUnique({ where: { id: thesisId }, select: { authorId: true } });
  if (!thesis) throw new NotFoundError("That thesis does not exist.");
  if (actor.role === "ADMIN") return "ADMIN";
  if (thesis.authorId === actor.id) return "THESIS_OWNER";
  throw new ForbiddenError("Only the thesis's owner (or an administrator) can appoint or remove its moderators.");
}

/**
 * Suspending is site-wide, so only site moderators may do it, and only to people below them: moderators
 * suspend members, admins suspend members and moderators, nobody suspends an admin or themselves.
 */
export function requireCanSuspend(actor: Actor, target: { id: string; role: GlobalRole }): ModeratorRole {
  const role = requireGlobalModerator(actor);
  if (target.id === actor.id) throw new ForbiddenError("You cannot suspend yourself.");
  if (target.role === "ADMIN") throw new ForbiddenError("Administrators cannot be suspended; revoke the role first.");
  if (target.role === "MODERATOR" && actor.role !== "ADMIN") throw new ForbiddenError("Only administrators can suspend moderators.");
  return role;
}

/** requireCanSuspend as a question, for pages that offer only the acts that will pass. */
export function canSuspend(actor: Pick<Actor, "id" | "role">, target: { id: string; role: GlobalRole }): boolean {
  try {
    requireCanSuspend(actor as Actor, target);
    return true;
  } catch {
    return false;
  }
}

/** Theses ids the viewer moderates without a global role (owned or appointed): scopes their review queue. */
export async function moderatedThesisIds(client: Client, userId: string): Promise<string[]> {
  const [owned, appointed] = await Promise.all([
    client.thesis.findMany({ where: { authorId: userId }, select: { id: true } }),
    client.thesisModerator.findMany({ where: { userId }, select: { thesisId: true } }),
  ]);
  return [...new Set([...owned.map((t) => t.id), ...appointed.map((m) => m.thesisId)])];
}

/**
 * The role a review-queue viewer acts in, for the undos their page offers. Members reach the queue only through
 * the theses they own or were appointed to, and owners and appointed moderators share one rank.
 */
export function queueActorRole(viewer: Pick<Actor, "role">): ModeratorRole {
  return viewer.role === "USER" ? "THESIS_MODERATOR" : viewer.role;
}

/** Whether the viewer may open /moderation at all. */
export async function canSeeModerationQueue(actor: Actor | null, client: Client = db): Promise<boolean> {
  if (!actor) return false;
  if (isGlobalModerator(actor)) return true;
  return (await moderatedThesisIds(client, actor.id)).length > 0;
}

/**
 * Moderation precedence. A thesis's own team (owner, appointed moderators) ranks below site moderators, who rank
 * below administrators. An act can be undone (restore, unlock, unsuspend) only by someone of the same rank or
 * higher than whoever did it, so a thesis owner cannot reverse a site moderator's decision.
 */
const RANK: Record<ModeratorRole, number> = { THESIS_MODERATOR: 1, THESIS_OWNER: 1, MODERATOR: 2, ADMIN: 3 };

// A role this table does not know (a future one) is treated as the highest: refusing is the safe mistake.
const neededRank = (undoneRoles: string[]) => Math.max(0, ...undoneRoles.map((role) => RANK[role as ModeratorRole] ?? RANK.ADMIN));

/** Whether the actor outranks or equals every act being undone: lets pages offer only the undos that will pass. */
export function canUndo(actorRole: ModeratorRole, undoneRoles: string[]): boolean {
  return RANK[actorRole] >= neededRank(undoneRoles);
}

/** Refuses when any of the acts being undone (by the roles they were done in) outranks the actor. */
export function requireCanUndo(actorRole: ModeratorRole, undoneRoles: string[]): void {
  const needed = neededRank(undoneRoles);
  if (canUndo(actorRole, undoneRoles)) return;
  throw new ForbiddenError(
    needed === RANK.ADMIN
      ? "An administrator did this: only an administrator can undo it."
      : "A site moderator did this: only a site moderator or an administrator can undo it.",
  );
}

/**
 * Nobody moderates their own content: an author who could hide, restore or clear flags on what they wrote would
 * judge their own case. (Locking one's own thesis is running it, not judging content, and stays allowed.)
 */
export function requireNotOwnContent(actor: Actor, target: { authorId: string }): void {
  if (target.authorId === actor.id) throw new ForbiddenError("You cannot moderate your own content; another moderator has to.");
}
