import Link from "next/link";
import type { NotificationView } from "@/server/notifications/describe-notification";
import { RelativeTime } from "@/components/ui/relative-time";
import { MarkReadButton } from "./mark-read-button";

/** The page's notifications, in sections by thesis (in order of each thesis's latest news), newest first within. */
export function NotificationList({ items }: { items: NotificationView[] }) {
  const sections = new Map<string, { title: string; href: string | null; items: NotificationView[] }>();
  for (const item of items) {
    const key = item.thesis?.id ?? "";
    const section = sections.get(key) ?? { title: item.thesis?.title ?? "Sources and other content", href: item.thesis && `/t/${item.thesis.slug}`, items: [] };
    section.items.push(item);
    sections.set(key, section);
  }
  return (
    <div className="space-y-6">
      {[...sections].map(([key, section], index) => (
        <section key={key || "other"} aria-labelledby={`notification-group-${index}`} className="space-y-2">
          <h2 id={`notification-group-${index}`} className="text-lg font-semibold">
            {section.href ? (
              <Link href={section.href} className="hover:underline">
                {section.title}
              </Link>
            ) : (
              section.title
            )}
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {section.items.map((item) => (
              <li key={item.id} className={`space-y-1 p-3 ${item.read ? "" : "bg-blue-50"}`} data-testid="notification">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="min-w-0 break-words">
                    {!item.read && <span className="sr-only">Unread: </span>}
                    <Link href={item.href} className="font-medium text-blue-800 hover:underline">
                      {item.text}
                    </Link>
                  </p>
                  {!item.read && <MarkReadButton id={item.id} label={`Mark read: ${item.text}${item.excerpt ? ` — ${item.excerpt.slice(0, 60)}` : ""}`} />}
                </div>
                {item.excerpt && <p className="break-words text-sm text-slate-700">“{item.excerpt}”</p>}
                {item.reason && <p className="text-sm text-slate-700">Reason: {item.reason}</p>}
                <p className="text-xs text-slate-600">
                  <RelativeTime date={item.updatedAt} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
