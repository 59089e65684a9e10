import Link from "next/link";
import { getCurrentUser } from "@/server/auth/current-user";
import { logoutAction } from "@/server/actions/auth-actions";

export async function SiteHeader() {
  const user = await getCurrentUser();
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
        {(user?.role === "MODERATOR" || user?.role === "ADMIN") && (
          <Link href="/moderation" className="text-sm font-medium text-blue-700 hover:underline">
            Moderation
          </Link>
        )}
        <div className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm">
          {user ? (
            <>
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
