"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/auth";
import { changePasswordSchema, forgotPasswordSchema, loginSchema, registerSchema, resetPasswordSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/form-state";
import { registerUser } from "../auth/register-user";
import { formatWait } from "../access/limits";
import { clientAddress } from "../auth/client-address";
import { getCurrentSession } from "../auth/current-user";
import { endOtherSessions } from "../auth/sessions";
import { changePassword } from "../auth/change-password";
import { requestPasswordReset, resetPassword, RESET_REQUESTED_MESSAGE } from "../auth/password-reset";
import { UnauthorizedError } from "../errors";
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
    await registerUser(parsed.data, { address: clientAddress(await headers()) });
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

/** Ends every session of the member, this one included, wherever their cookies were copied to. */
export async function signOutEverywhereAction(): Promise<void> {
  const current = await getCurrentSession();
  if (!current) redirect("/login");
  await endOtherSessions(current.user.id, null);
  await signOut({ redirectTo: "/login" });
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get("currentPassword"),
    newPassword: formData.get("newPassword"),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const current = await getCurrentSession();
    // Not assertCanWrite: a suspended member may still protect their account.
    if (!current) throw new UnauthorizedError("Sign in again to change your password.");
    const { endedSessions } = await changePassword({
      actor: current.user,
      sessionId: current.sessionId,
      input: parsed.data,
      address: clientAddress(await headers()),
    });
    const others = endedSessions === 1 ? "1 other session was" : `${endedSessions} other sessions were`;
    return { ok: true, message: `Your password was changed. ${others} signed out.`, successAt: Date.now() };
  } catch (error) {
    return refusal(error);
  }
}

export async function requestPasswordResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = forgotPasswordSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    // `after`: the lookup and the mail run once the answer is sent, so its timing says nothing about the account.
    await requestPasswordReset({ email: parsed.data.email, address: clientAddress(await headers()), defer: after });
  } catch (error) {
    return refusal(error);
  }
  return { ok: true, message: RESET_REQUESTED_MESSAGE, successAt: Date.now() };
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = resetPasswordSchema.safeParse({ token: formData.get("token"), newPassword: formData.get("newPassword") });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await resetPassword(parsed.data);
  } catch (error) {
    return refusal(error);
  }
  redirect("/login?reset=1");
}
