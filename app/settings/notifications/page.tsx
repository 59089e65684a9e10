import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNotificationSettings } from "@/server/notifications/notification-settings";
import { NotificationSettingsForm } from "@/components/notifications/notification-settings-form";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const viewer = await getCurrentUser();
  if (!viewer) redirect("/login?callbackUrl=/settings/notifications");
  const settings = await getNotificationSettings(viewer.id);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Notification settings</h1>
      <section aria-labelledby="kinds-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="kinds-heading" className="sr-only">What notifies you</h2>
        <p className="text-sm text-slate-700">
          A kind you switch off is not recorded at all while it is off. You watch the theses and arguments you post;
          &ldquo;Watch&rdquo; on a thesis or an argument adds more, and undoes it.
        </p>
        <NotificationSettingsForm {...settings} />
      </section>
    </div>
  );
}
