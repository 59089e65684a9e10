import type { Metadata } from "next";
import Link from "next/link";
import { isEmailConfigured } from "@/server/email/send-email";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?">
      {isEmailConfigured() ? (
        <>
          <p className="text-sm text-slate-700">Give the email of your account: we send it a link to choose a new password.</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p className="text-sm text-slate-700">
          This site does not send email. Ask an administrator for a password-reset link: they can issue one from the
          roles page.
        </p>
      )}
      <p className="text-sm text-slate-600">
        <Link href="/login" className="text-blue-700 underline">Back to sign in</Link>
      </p>
    </AuthCard>
  );
}
