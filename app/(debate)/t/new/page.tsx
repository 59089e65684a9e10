import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { ThesisForm } from "@/components/theses/thesis-form";
import { listPopularTopics } from "@/server/topics/list-topics";

export const metadata: Metadata = { title: "New thesis" };

export default async function NewThesisPage() {
  if (!(await getCurrentUser())) redirect("/login?callbackUrl=/t/new");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Open a thesis</h1>
      <ThesisForm knownTopics={await listPopularTopics(20)} />
    </div>
  );
}
