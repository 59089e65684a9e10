import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { githubEnabled } from "@/auth";
import { getCurrentUser } from "@/server/auth/current-user";
import { safeRedirect } from "@/lib/safe-redirect";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { GitHubSignIn } from "@/components/auth/github-sign-in";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string }> }) {
  const { callbackUrl, reset } = await searchParams;
  const redirectTo = safeRedirect(callbackUrl);
  if (await getCurrentUser()) redirect(redirectTo);
  return (
    <AuthCard title="Sign in">
      {reset === "1" && (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-800">
          Your password was changed and every session was signed out. Sign in with the new password.
        </p>
      )}
      <LoginForm redirectTo={redirectTo} />
      {githubEnabled && <GitHubSignIn redirectTo={redirectTo} />}
    </AuthCard>
  );
}
