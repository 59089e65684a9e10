"use client";

import { useActionState } from "react";
import { saveNotificationSettingsAction } from "@/server/actions/notification-actions";
import { initialFormState } from "@/lib/form-state";
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, type NotificationKindName } from "@/lib/validation/notification";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export function NotificationSettingsForm({ enabledKinds, emailDigest }: { enabledKinds: NotificationKindName[]; emailDigest: boolean }) {
  const [state, action, pending] = useActionState(saveNotificationSettingsAction, initialFormState);
  const enabled = new Set(enabledKinds);
  return (
    <form action={action} className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="font-semibold">Notify me of</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="kind" value={kind} defaultChecked={enabled.has(kind)} className="mt-0.5 size-4" />
            <span>{NOTIFICATION_KIND_LABELS[kind]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="font-semibold">Email</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="emailDigest" defaultChecked={emailDigest} className="mt-0.5 size-4" />
          <span>Send me a digest of unread notifications by email</span>
        </label>
      </fieldset>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        Save
      </Button>
    </form>
  );
}
