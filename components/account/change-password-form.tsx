"use client";

import { useActionState, useEffect, useRef } from "react";
import { changePasswordAction } from "@/server/actions/auth-actions";
import { initialFormState } from "@/lib/form-state";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  const handled = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (state.successAt && handled.current !== state.successAt) {
      handled.current = state.successAt;
      form.current?.reset();
    }
  }, [state.successAt]);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} action={action} className="space-y-3" noValidate>
      <Field id="current-password" label="Current password" errors={errors.currentPassword}>
        <input
          {...describedBy("current-password", { errors: errors.currentPassword })}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </Field>
      <NewPasswordField id="new-password" errors={errors.newPassword} />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
