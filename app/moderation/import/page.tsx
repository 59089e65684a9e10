import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { IMPORT_MAX_BYTES } from "@/server/interchange/check-export";
import { ImportThesisForm } from "@/components/moderation/import-thesis-form";

export const metadata: Metadata = { title: "Import a thesis" };

/** Administrators bring a thesis exported from another Agora (or this one) in as a new thesis. */
export default async function ImportPage() {
  const viewer = await getCurrentUser();
  if (!viewer) redirect("/login?callbackUrl=/moderation/import");
  if (viewer.role !== "ADMIN") notFound();
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Import a thesis</h1>
      <p className="text-sm text-slate-700">
        Choose a file downloaded with a thesis&apos;s &ldquo;JSON&rdquo; export link (format <code>agora.thesis-export</code>,
        version 1, at most {Math.round(IMPORT_MAX_BYTES / 1024 / 1024)} MB). Every snapshot, quote and reference is checked first;
        a file with any problem is refused with the list of problems and nothing is written. The import is recorded in
        the <Link href="/moderation/log" className="text-blue-700 underline">moderation log</Link>.
      </p>
      <ImportThesisForm />
    </div>
  );
}
