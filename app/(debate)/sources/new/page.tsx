import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { AddSourceForms } from "@/components/sources/add-source-forms";

export const metadata: Metadata = { title: "Add a source" };

export default async function NewSourcePage() {
  if (!(await getCurrentUser())) redirect("/login?callbackUrl=/sources/new");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Add a source</h1>
      <p className="text-sm text-slate-700">
        Quotes are checked against the stored text of their source: add the source first, then quote passages from its page.
      </p>
      <AddSourceForms />
    </div>
  );
}
