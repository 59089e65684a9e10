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
 * A bootstrapped role has no one above it to grant it, so the grant is logged as the user's own act, naming
 * how it happened (the environment variable, or the operator's command line): even the first admin is on
 * the record.
 */
export async function logBootstrapRole(
  tx: Tx,
  userId: string,
  { via, from, to }: { via: "AGORA_ADMIN_EMAILS" | "admin:create"; from: string; to: "ADMIN" | "MODERATOR" },
) {
  return appendModerationLog(tx, {
    actorId: userId,
    actorRole: "ADMIN",
    action: "SET_ROLE",
    targetType: "USER",
    targetId: userId,
    reason: via === "admin:create" ? "Role granted from the command line (npm run admin:create)." : "Administrator listed in AGORA_ADMIN_EMAILS.",
    details: { from, to, via },
  });
}
