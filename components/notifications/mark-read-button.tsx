"use client";

import { useActionState } from "react";
import { markNotificationsReadAction } from "@/server/actions/notification-actions";
import { initialFormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/** "Mark read" for one notification (`id`) or every one (`all`); a plain form, so it works without JavaScript too. */
export function MarkReadButton({ id, label, all = false }: { id?: string; label: string; all?: boolean }) {
  const [state, action, pending] = useActionState(markNotificationsReadAction, initialFormState);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      {all ? <input type="hidden" name="all" value="1" /> : <input type="hidden" name="id" value={id} />}
      <Button type="submit" variant={all ? "secondary" : "ghost"} disabled={pending} aria-label={label} className={all ? "" : "px-2 py-0.5"}>
        {all ? "Mark all read" : "Mark read"}
      </Button>
      {!state.ok && <FormMessage state={state} />}
    </form>
  );
}
