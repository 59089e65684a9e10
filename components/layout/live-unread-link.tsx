"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

/**
 * The bell: an icon with the unread count, so it stays narrow on phones; its name says the count. The count follows
 * GET /api/v1/notifications/events, which sends it again whenever it changes (EventSource reconnects by itself).
 */
export function LiveUnreadLink({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  // A new page render (after marking read, say) knows better than an older stream message.
  useEffect(() => setUnread(initialUnread), [initialUnread]);
  useEffect(() => {
    const events = new EventSource("/api/v1/notifications/events");
    const onUnread = (event: MessageEvent<string>) => {
      const { unread: count } = JSON.parse(event.data) as { unread: number };
      if (Number.isInteger(count) && count >= 0) setUnread(count);
    };
    events.addEventListener("unread", onUnread);
    return () => {
      events.removeEventListener("unread", onUnread);
      events.close();
    };
  }, []);
  const label = unread === 0 ? "Notifications" : `Notifications, ${unread} unread`;
  return (
    <Link href="/notifications" aria-label={label} className="relative shrink-0 rounded p-1 text-slate-700 hover:bg-slate-100" data-testid="notifications-link">
      <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M5 8a5 5 0 0 1 10 0c0 4 1.5 5.5 2 6H3c.5-.5 2-2 2-6Z" strokeLinejoin="round" />
        <path d="M8 16.5a2 2 0 0 0 4 0" strokeLinecap="round" />
      </svg>
      {unread > 0 && (
        <span aria-hidden="true" className="absolute -right-1.5 -top-1 min-w-4 rounded-full bg-red-700 px-1 text-center text-[11px] font-semibold leading-4 text-white" data-testid="unread-count">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
