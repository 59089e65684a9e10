import Link from "next/link";
import { getCurrentUser } from "@/server/auth/current-user";
import { moderatedThesisIds } from "@/server/access/permissions";
import { db } from "@/server/db";
import { countOf } from "@/lib/plural";

const ROLE_NAMES = { USER: "a member", MODERATOR: "a site moderator", ADMIN: "an administrator" } as const;

/**
 * What a signed-in member sees (with HTTP 403) on a page their role does not open: the moderation pages. It says
 * who each page is for and what this account is, so they know why, rather than a "not found" for a page
 * that plainly exists.
 */
export default async function Forbidden() {
  const viewer = await getCurrentUser();
  const moderated = viewer ? (await moderatedThesisIds(db, viewer.id)).length : 0;
  return (
    <div className="mx-auto max-w-xl space-y-3 py-12">
      <h1 className="text-2xl font-bold">You don’t have access to this page</h1>
      {viewer && (
        <p className="text-slate-700" data-testid="forbidden-why">
          You are signed in as {viewer.name}, {ROLE_NAMES[viewer.role]}
          {moderated > 0 ? `, moderating ${countOf(moderated, "thesis", "theses")}` : viewer.role === "USER" ? ", and you moderate no thesis" : ""}.
        </p>
      )}
      <ul className="list-disc space-y-1 pl-5 text-slate-700">
        <li>
          The <strong>review queue</strong> is for site moderators and administrators, and for the owners and appointed moderators of a
          thesis. Start a thesis, or be appointed by a thesis’s owner, and it opens for you.
        </li>
        <li>
          The <strong>roles</strong> page and the <strong>full moderation log</strong> are for administrators.
        </li>
        <li>
          A thesis’s <strong>moderators</strong> page is for its owner and administrators.
        </li>
      </ul>
      <p className="text-slate-700">Every thesis’s own moderation log stays public, on the thesis page.</p>
      <Link href="/" className="text-blue-700 underline">
        Back to all theses
      </Link>
    </div>
  );
}
