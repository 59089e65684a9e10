import "server-only";
import { db, type Tx } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";

/**
 * The one place that answers "may this actor do this to this target". Data functions call these with the
 * actor as re-read inside their own transaction, so a role revoked a moment ago is already revoked here.
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

/** Theses ids the viewer moderates without a global role (owned or appointed): scopes their review queue. */
export async function moderatedThesisIds(client: Client, userId: string): Promise<string[]> {
  const [owned, appointed] = await Promise.all([
    client.thesis.findMany({ where: { authorId: userId }, select: { id: true } }),
    client.thesisModerator.findMany({ where: { userId }, select: { thesisId: true } }),
  ]);
  return [...new Set([...owned.map((t) => t.id), ...appointed.map((m) => m.thesisId)])];
}

/** Whether the viewer may open /moderation at all. */
export async function canSeeModerationQueue(actor: Actor | null, client: Client = db): Promise<boolean> {
  if (!actor) return false;
  if (isGlobalModerator(actor)) return true;
  return (await moderatedThesisIds(client, actor.id)).length > 0;
}
