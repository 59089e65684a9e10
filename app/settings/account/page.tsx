import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/server/auth/current-user";
import { countLiveSessions } from "@/server/auth/sessions";
import { signOutEverywhereAction } from "@/server/actions/auth-actions";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Button } from "@/components/ui/button";
import { countOf } from "@/lib/plural";

export const metadata: Metadata = { title: "Account" };

export default async function AccountSettingsPage() {
  const current = await getCurrentSession();
  if (!current) redirect("/login?callbackUrl=/settings/account");
  const sessions = await countLiveSessions(current.user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Account</h1>
      <section aria-labelledby="password-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="password-heading" className="text-lg font-semibold">Change password</h2>
        <p className="text-sm text-slate-700">Changing your password signs you out everywhere except here.</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sessions-heading" className="text-lg font-semibold">Sessions</h2>
        <p className="text-sm text-slate-700">
          You are signed in in {countOf(sessions, "browser")}. Signing out everywhere ends
          all of them, this one included, even where someone copied your session cookie.
        </p>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="secondary">Sign out everywhere</Button>
        </form>
      </section>
    </div>
  );
}
