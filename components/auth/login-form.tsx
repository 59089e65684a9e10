"use client";

import { useActionState, useState } from "react";
import Link from "next/link";
import { loginAction } from "@/server/actions/auth-actions";
import { initialFormState } from "@/lib/form-state";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export function LoginForm({ redirectTo }: { redirectTo: string }) {
  const [state, action, pending] = useActionState(loginAction, initialFormState);
  const [email, setEmail] = useState("");
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <FormMessage state={state} />
      <Field id="login-email" label="Email" errors={errors.email}>
        <input {...describedBy("login-email", { errors: errors.email })} name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} className={inputClass} />
      </Field>
      <Field id="login-password" label="Password" errors={errors.password}>
        <input {...describedBy("login-password", { errors: errors.password })} name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-sm text-slate-600">
        <Link href="/forgot-password" className="text-blue-700 underline">Forgot password?</Link>
      </p>
      <p className="text-sm text-slate-600">
        New here? <Link href="/register" className="text-blue-700 underline">Create an account</Link>
      </p>
    </form>
  );
}
