import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { safeRedirect } from "@/lib/safe-redirect";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const redirectTo = safeRedirect((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(redirectTo);
  return (
    <AuthCard title="Create an account">
      <RegisterForm redirectTo={redirectTo} />
    </AuthCard>
  );
}
