import "server-only";
import type { Tx } from "../db";
import { appendModerationLog } from "./log";

/** Emails listed in AGORA_ADMIN_EMAILS (comma-separated) become administrators when they register. */
export function isBootstrapAdminEmail(email: string): boolean {
  const listed = (process.env.AGORA_ADMIN_EMAILS ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  return listed.includes(email.trim().toLowerCase());
}

/**
 * A bootstrap admin has no one above them to grant the role, so the grant is logged as the user's own act,
 * naming how it happened: even the first admin is on the record.
 */
export async function logBootstrapAdmin(tx: Tx, userId: string, via: "AGORA_ADMIN_EMAILS" | "admin:create", from: string) {
  return appendModerationLog(tx, {
    actorId: userId,
    actorRole: "ADMIN",
    action: "SET_ROLE",
    targetType: "USER",
    targetId: userId,
    reason: `Administrator bootstrapped through ${via}.`,
    details: { from, to: "ADMIN", via },
  });
}
