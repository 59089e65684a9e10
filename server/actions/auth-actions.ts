"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/auth";
import { loginSchema, registerSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/form-state";
import { registerUser } from "../auth/register-user";
import { formatWait } from "../rate-limit";
import { invalidInput, refusal } from "./form-result";
import { safeRedirect } from "@/lib/safe-redirect";

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = registerSchema.safeParse({
    email: formData.get("email"),
    name: formData.get("name"),
    password: formData.get("password"),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await registerUser(parsed.data);
  } catch (error) {
    return refusal(error);
  }
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: safeRedirect(formData.get("redirectTo")),
  });
  return { ok: true };
}

export async function loginAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = loginSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirect(formData.get("redirectTo")) });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const code = (error as AuthError & { code?: string }).code ?? "";
      if (code.startsWith("too_many_attempts")) {
        const seconds = Number(code.split(":")[1]) || 900;
        return { ok: false, message: `Too many failed sign-ins. Try again in ${formatWait(seconds)}.` };
      }
      return { ok: false, message: "Wrong email or password." };
    }
    return refusal(error);
  }
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
