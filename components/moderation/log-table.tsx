import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ModerationLogEntry } from "@/server/moderation/list-moderation-log";

const ACTION_LABELS: Record<string, string> = {
  DISMISS: "dismissed the flags on",
  HIDE: "hid",
  RESTORE: "restored",
  MARK_DUPLICATE: "marked as a duplicate",
  LOCK: "locked",
  UNLOCK: "unlocked",
  SUSPEND: "suspended",
  UNSUSPEND: "lifted the suspension of",
  APPOINT_MODERATOR: "appointed as thesis moderator",
  REMOVE_MODERATOR: "removed as thesis moderator",
  SET_ROLE: "changed the role of",
  IMPORT_THESIS: "imported",
  ISSUE_PASSWORD_RESET: "issued a password-reset link for",
};

const ROLE_LABELS: Record<string, string> = {
  ADMIN: "administrator",
  MODERATOR: "site moderator",
  THESIS_OWNER: "thesis owner",
  THESIS_MODERATOR: "thesis moderator",
};

function targetLabel(entry: ModerationLogEntry, slugs: Map<string, string>) {
  const slug = entry.thesisId ? slugs.get(entry.thesisId) : undefined;
  switch (entry.targetType) {
    case "ARGUMENT":
      return slug ? <Link href={`/t/${slug}/a/${entry.targetId}`} className="underline">an argument</Link> : "an argument";
    case "THESIS":
      return slug ? <Link href={`/t/${slug}`} className="underline">the thesis</Link> : "a thesis";
    case "USER":
      return entry.targetUser ? <Link href={`/u/${entry.targetUser.handle}`} className="underline">{entry.targetUser.name}</Link> : "a member";
    case "SOURCE":
      return "a source";
    case "QUOTE":
      return "a quote";
  }
}

function detailText(entry: ModerationLogEntry): string | null {
  const details = (entry.details ?? {}) as Record<string, unknown>;
  if (entry.action === "SUSPEND" && typeof details.until === "string") return `until ${new Date(details.until).toUTCString()}`;
  if (entry.action === "SET_ROLE" && details.to) return `${String(details.from).toLowerCase()} → ${String(details.to).toLowerCase()}`;
  if (entry.action === "IMPORT_THESIS" && details.from) {
    const from = details.from as { slug?: string; exportedAt?: string };
    return `from an export of “${from.slug}” made ${from.exportedAt ? new Date(from.exportedAt).toUTCString() : "at an unknown time"}`;
  }
  return null;
}

/** The log as a readable list; every entry shows its hash so anyone can compare copies of the chain. */
export function LogTable({ entries, slugs = new Map() }: { entries: ModerationLogEntry[]; slugs?: Map<string, string> }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">No moderation so far.</p>;
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Moderation log entries">
      {entries.map((entry) => (
        <li key={entry.seq} className="space-y-1 p-3 text-sm" data-testid="log-entry">
          <p>
            <span className="text-slate-500">#{entry.seq}</span>{" "}
            <Link href={`/u/${entry.actor.handle}`} className="font-medium hover:underline">
              {entry.actor.name}
            </Link>{" "}
            <span className="text-slate-600">({ROLE_LABELS[entry.actorRole] ?? entry.actorRole})</span>{" "}
            <span data-testid="log-action" data-action={entry.action}>{ACTION_LABELS[entry.action] ?? entry.action}</span> {targetLabel(entry, slugs)}{" "}
            {detailText(entry) && <span className="text-slate-600">({detailText(entry)})</span>} · <RelativeTime date={entry.createdAt} />
          </p>
          {entry.reason && <p className="text-slate-800">Reason: {entry.reason}</p>}
          <p className="break-all font-mono text-xs text-slate-500" title="SHA-256 of this entry chained to the previous one">
            {entry.hash}
          </p>
        </li>
      ))}
    </ol>
  );
}
