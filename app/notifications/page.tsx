import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { listNotifications } from "@/server/notifications/list-notifications";
import { countUnreadNotifications } from "@/server/notifications/count-unread-notifications";
import { InvalidInputError } from "@/server/errors";
import { NotificationList } from "@/components/notifications/notification-list";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { PageNotice } from "@/components/arguments/page-notice";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

export default async function NotificationsPage({ searchParams }: Props) {
  const viewer = await getCurrentUser();
  if (!viewer) redirect("/login?callbackUrl=/notifications");
  const raw = (await searchParams).cursor;
  const cursor = typeof raw === "string" ? raw : null;
  const [page, unread, damaged] = await listNotifications({ userId: viewer.id, cursor }).then(
    async (result) => [result, await countUnreadNotifications(viewer.id), false] as const,
    async (error: unknown) => {
      // A damaged page link shows the first page, with a notice.
      if (!(error instanceof InvalidInputError)) throw error;
      return [await listNotifications({ userId: viewer.id }), await countUnreadNotifications(viewer.id), true] as const;
    },
  );
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">Notifications</h1>
        {unread > 0 && <MarkReadButton all label="Mark all read" />}
      </div>
      <p className="text-sm text-slate-700">
        {unread === 0 ? "Nothing unread." : unread === 1 ? "1 unread." : `${unread} unread.`}{" "}
        <Link href="/settings/notifications" className="text-blue-700 underline">
          Choose what notifies you
        </Link>
      </p>
      {damaged && <PageNotice>That page link was damaged, so the first page is shown.</PageNotice>}
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          No notifications yet. Replies to your arguments, mentions of you and news of what you watch appear here.
        </p>
      ) : (
        <NotificationList items={page.items} />
      )}
      {page.nextCursor && (
        <p>
          <Link href={`/notifications?cursor=${page.nextCursor}`} className="text-blue-700 underline">
            Older notifications
          </Link>
        </p>
      )}
    </div>
  );
}
