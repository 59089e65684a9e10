import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { githubEnabled } from "@/auth";
import { getCurrentUser } from "@/server/auth/current-user";
import { safeRedirect } from "@/lib/safe-redirect";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { GitHubSignIn } from "@/components/auth/github-sign-in";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const redirectTo = safeRedirect((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(redirectTo);
  return (
    <AuthCard title="Sign in">
      <LoginForm redirectTo={redirectTo} />
      {githubEnabled && <GitHubSignIn redirectTo={redirectTo} />}
    </AuthCard>
  );
}
