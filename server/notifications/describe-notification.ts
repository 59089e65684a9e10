import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { HIDDEN_THESIS_TITLE } from "../access/visibility";
import { markdownToText } from "@/lib/markdown";
import type { NotificationKindName } from "@/lib/validation/notification";

/** What a notification row is read with, for the page, the API and the email digest alike. */
export const notificationSelect = {
  id: true,
  kind: true,
  count: true,
  readAt: true,
  createdAt: true,
  updatedAt: true,
  action: true,
  reason: true,
  quoteId: true,
  sourceId: true,
  actor: { select: { name: true, handle: true } },
  thesis: { select: { id: true, slug: true, title: true, visibility: true, authorId: true } },
  argument: { select: { id: true, body: true, status: true, authorId: true } },
} satisfies Prisma.NotificationSelect;

export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

export interface NotificationView {
  id: string;
  kind: NotificationKindName;
  count: number;
  read: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** One sentence: who did what. */
  text: string;
  /** The opening of the argument concerned, or null (hidden from the reader, or none). */
  excerpt: string | null;
  reason: string | null;
  href: string;
  thesis: { id: string; slug: string; title: string } | null;
  actor: { name: string; handle: string } | null;
}

const MODERATION_VERBS: Record<string, string> = {
  HIDE: "hid",
  RESTORE: "restored",
  MARK_DUPLICATE: "marked as a duplicate",
  LOCK: "locked",
  UNLOCK: "unlocked",
};

/**
 * Shapes a row for its recipient. The argument's text and the thesis's title are read now, not copied at the
 * event: content hidden since then is redacted as everywhere else (only its author reads it).
 */
export function describeNotification(row: NotificationRow, recipientId: string): NotificationView {
  const who = row.actor?.name ?? "A former member";
  const thesis = row.thesis && {
    id: row.thesis.id,
    slug: row.thesis.slug,
    title: row.thesis.visibility === "HIDDEN" && row.thesis.authorId !== recipientId ? HIDDEN_THESIS_TITLE : row.thesis.title,
  };
  const argument = row.argument;
  const readable = argument && (argument.status === "VISIBLE" || argument.authorId === recipientId);
  const excerpt = argument ? (readable ? markdownToText(argument.body, 140) : "Hidden by moderators") : null;
  const focus = thesis && argument ? `/t/${thesis.slug}/a/${argument.id}` : thesis ? `/t/${thesis.slug}` : "/notifications";
  const sourceHref = row.sourceId ? `/sources/${row.sourceId}${row.quoteId ? `#q-${row.quoteId}` : ""}` : null;
  const many = row.count > 1;
  const text = ((): string => {
    switch (row.kind) {
      case "REPLY":
        return many ? `${row.count} replies to your argument, the latest by ${who}` : `${who} replied to your argument`;
      case "NEW_ARGUMENT": {
        const where = argument ? "under an argument you watch" : "in a thesis you watch";
        return many ? `${row.count} new arguments ${where}, the latest by ${who}` : `${who} posted a new argument ${where}`;
      }
      case "MENTION":
        return `${who} mentioned you in an argument`;
      case "CITATION":
        return `${who} cited a quote you added, or a quote of a source you added`;
      case "RECONFIRM_VOTE":
        return `${who} changed the meaning of an argument you voted on: your vote counts again once you confirm it`;
      case "MODERATION": {
        const noun = argument ? "your argument" : row.quoteId ? "your quote" : row.sourceId ? "your source" : "your thesis";
        return `A moderator ${MODERATION_VERBS[row.action ?? ""] ?? "acted on"} ${noun}`;
      }
    }
  })();
  return {
    id: row.id,
    kind: row.kind,
    count: row.count,
    read: row.readAt !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    text,
    excerpt,
    reason: row.kind === "MODERATION" ? row.reason : null,
    href: row.kind === "MODERATION" && !argument && sourceHref ? sourceHref : focus,
    thesis,
    actor: row.actor,
  };
}
