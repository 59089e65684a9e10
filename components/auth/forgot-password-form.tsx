"use client";

import { useActionState } from "react";
import { requestPasswordResetAction } from "@/server/actions/auth-actions";
import { initialFormState } from "@/lib/form-state";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(requestPasswordResetAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field id="forgot-email" label="Email of your account" errors={errors.email}>
        <input {...describedBy("forgot-email", { errors: errors.email })} name="email" type="email" autoComplete="email" required className={inputClass} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Sending…" : "Email me a reset link"}
      </Button>
    </form>
  );
}
