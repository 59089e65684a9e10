"use client";

import { useActionState } from "react";
import { resetPasswordAction } from "@/server/actions/auth-actions";
import { initialFormState } from "@/lib/form-state";
import { LIMITS } from "@/lib/validation/limits";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <Field id="reset-password" label="New password" hint={`At least ${LIMITS.passwordMin} characters.`} errors={errors.newPassword ?? errors.token}>
        <input
          {...describedBy("reset-password", { hint: true, errors: errors.newPassword ?? errors.token })}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={LIMITS.passwordMin}
          maxLength={LIMITS.passwordMax}
          required
          className={inputClass}
        />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
