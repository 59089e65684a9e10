import Link from "next/link";
import { getCurrentUser } from "@/server/auth/current-user";
import { logoutAction } from "@/server/actions/auth-actions";
import { NotificationsLink } from "./notifications-link";
import { canSeeModerationQueue } from "@/server/access/permissions";

export async function SiteHeader() {
  const user = await getCurrentUser();
  // Thesis owners and their appointed moderators have a queue too, not only site moderators.
  const moderates = await canSeeModerationQueue(user);
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      {/* Signed in, a phone's width cannot hold every link on one line: the header wraps instead of scrolling sideways. */}
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-slate-900">
          Agora
        </Link>
        <Link href="/t/new" className="text-sm font-medium text-blue-700 hover:underline">
          New thesis
        </Link>
        <Link href="/sources" className="text-sm font-medium text-blue-700 hover:underline">
          Sources
        </Link>
        {/* On a phone the header has room for one sources link; /sources itself links to "Add a source". */}
        <Link href="/sources/new" className="hidden text-sm font-medium text-blue-700 hover:underline sm:inline">
          Add source
        </Link>
        {moderates && (
          <Link href="/moderation" className="text-sm font-medium text-blue-700 hover:underline">
            Moderation
          </Link>
        )}
        {/* A search field where there is room; on phones, where the header has none to spare, a link to /search. */}
        <form action="/search" role="search" aria-label="Site search" className="hidden md:block">
          <label htmlFor="site-search" className="sr-only">
            Search
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="Search…"
            className="w-44 rounded-md border border-slate-400 px-2 py-1 text-sm placeholder:text-slate-600 lg:w-60"
          />
        </form>
        <Link href="/search" aria-label="Search" className="shrink-0 rounded p-1 text-slate-700 hover:bg-slate-100 md:hidden">
          <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2">
            <circle cx="8.5" cy="8.5" r="5.5" />
            <path d="m13 13 4.5 4.5" strokeLinecap="round" />
          </svg>
        </Link>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm">
          {user ? (
            <>
              <NotificationsLink userId={user.id} />
              <Link href={`/u/${user.handle}`} className="font-medium hover:underline" data-testid="current-user">
                {user.name}
              </Link>
              <Link href="/settings/account" className="text-slate-700 hover:underline">
                Account
              </Link>
              <Link href="/settings/tokens" className="text-slate-700 hover:underline">
                API tokens
              </Link>
              <form action={logoutAction}>
                <button type="submit" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/login" className="hover:underline">
                Sign in
              </Link>
              <Link href="/register" className="rounded-md bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800">
                Register
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
