"use client";

import { useActionState, useState } from "react";
import Link from "next/link";
import { registerAction } from "@/server/actions/auth-actions";
import { initialFormState } from "@/lib/form-state";
import { LIMITS } from "@/lib/validation/limits";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export function RegisterForm({ redirectTo }: { redirectTo: string }) {
  const [state, action, pending] = useActionState(registerAction, initialFormState);
  // Controlled fields: a refused submission keeps what the user typed.
  const [values, setValues] = useState({ email: "", name: "", password: "" });
  const errors = state.fieldErrors ?? {};
  const bind = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [name]: event.target.value })),
  });
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <FormMessage state={state} />
      <Field id="register-email" label="Email" errors={errors.email}>
        <input {...describedBy("register-email", { errors: errors.email })} {...bind("email")} type="email" autoComplete="email" required className={inputClass} />
      </Field>
      <Field id="register-name" label="Display name" hint="Shown with everything you post; must be unique." errors={errors.name}>
        <input {...describedBy("register-name", { hint: true, errors: errors.name })} {...bind("name")} autoComplete="nickname" required maxLength={LIMITS.nameMax} className={inputClass} />
      </Field>
      <Field id="register-password" label="Password" hint={`At least ${LIMITS.passwordMin} characters.`} errors={errors.password}>
        <input {...describedBy("register-password", { hint: true, errors: errors.password })} {...bind("password")} type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-sm text-slate-600">
        Already have an account? <Link href="/login" className="text-blue-700 underline">Sign in</Link>
      </p>
    </form>
  );
}
