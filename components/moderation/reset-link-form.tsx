"use client";

import { useActionState, useId } from "react";
import { issueResetLinkAction } from "@/server/actions/moderation-actions";
import { initialFormState } from "@/lib/form-state";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/** For sites without email: the administrator makes the member's reset link and passes it on themselves. */
export function ResetLinkForm({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState(issueResetLinkAction, initialFormState);
  const id = useId();
  return (
    <form action={action} className="space-y-2 text-sm">
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Making the link…" : `Make a password-reset link for ${name}`}
      </Button>
      <FormMessage state={state} />
      {state.link && (
        <>
          <label htmlFor={id} className="block font-medium">Reset link for {name}</label>
          <input id={id} readOnly value={state.link} className={inputClass} onFocus={(event) => event.currentTarget.select()} />
        </>
      )}
    </form>
  );
}
