import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

// The token is checked when the form is sent, not here: opening the page spends nothing, so a mail scanner
// that fetches links cannot use the link up before its owner does.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Choose a new password">
      {typeof token === "string" && token ? (
        <>
          <p className="text-sm text-slate-700">Saving it signs you out everywhere; then sign in with the new password.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="text-sm text-slate-700">
          This page needs the link from your reset email. <Link href="/forgot-password" className="text-blue-700 underline">Ask for a new one</Link>.
        </p>
      )}
    </AuthCard>
  );
}
