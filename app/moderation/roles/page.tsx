import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { inputClass } from "@/components/ui/field";
import { ModerationForm } from "@/components/moderation/moderation-form";
import { ResetLinkForm } from "@/components/moderation/reset-link-form";

export const metadata: Metadata = { title: "Roles" };

type Props = { searchParams: Promise<{ q?: string }> };

const ROLE_NAMES = { USER: "Member", MODERATOR: "Moderator", ADMIN: "Administrator" } as const;

/** Administrators grant and revoke the moderator and administrator roles; each change is logged. */
export default async function RolesPage({ searchParams }: Props) {
  const viewer = await getCurrentUser();
  if (!viewer) redirect("/login?callbackUrl=/moderation/roles");
  if (viewer.role !== "ADMIN") forbidden();
  const q = ((await searchParams).q ?? "").trim().toLowerCase().slice(0, 100);
  const [staff, found] = await Promise.all([
    db.user.findMany({ where: { role: { in: ["MODERATOR", "ADMIN"] } }, orderBy: { nameKey: "asc" }, select: { id: true, name: true, handle: true, role: true, suspendedUntil: true } }),
    q
      ? db.user.findMany({
          where: { OR: [{ handle: { contains: q } }, { nameKey: { contains: q } }, { email: q }] },
          orderBy: { nameKey: "asc" },
          take: 20,
          select: { id: true, name: true, handle: true, role: true, suspendedUntil: true },
        })
      : Promise.resolve([]),
  ]);
  const row = (user: (typeof staff)[number]) => (
    <li key={user.id} className="grid gap-2 p-3 sm:grid-cols-[1fr_2fr] sm:items-start" data-testid="role-row">
      <div>
        <Link href={`/u/${user.handle}`} className="font-medium hover:underline">{user.name}</Link>
        <p className="text-xs text-slate-600">
          @{user.handle} · {ROLE_NAMES[user.role]}
          {user.suspendedUntil && user.suspendedUntil > new Date() && ` · suspended until ${user.suspendedUntil.toUTCString()}`}
        </p>
      </div>
      {user.id === viewer.id ? (
        <p className="text-sm text-slate-600">You cannot change your own role.</p>
      ) : (
        <div className="space-y-3">
          <ModerationForm fields={{ action: "SET_ROLE", userId: user.id, currentRole: user.role }} submitLabel={`Change ${user.name}'s role`} extra="role" />
          <ResetLinkForm userId={user.id} name={user.name} />
        </div>
      )}
    </li>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Roles</h1>
      <section aria-labelledby="staff" className="space-y-2">
        <h2 id="staff" className="text-lg font-semibold">Moderators and administrators</h2>
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">{staff.map(row)}</ul>
      </section>
      <section aria-labelledby="find" className="space-y-2">
        <h2 id="find" className="text-lg font-semibold">Find a member</h2>
        <form method="get" className="flex gap-2">
          <label htmlFor="member-query" className="sr-only">Handle, display name or email</label>
          <input id="member-query" name="q" defaultValue={q} className={inputClass} placeholder="Handle, display name or exact email" />
          <button type="submit" className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">Search</button>
        </form>
        {q && (found.length ? <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">{found.map(row)}</ul> : <p className="text-sm text-slate-600">No member matches.</p>)}
      </section>
    </div>
  );
}
