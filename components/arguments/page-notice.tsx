import type { ReactNode } from "react";

/** A notice above a page's content (a damaged link that was replaced by the first page, …). */
export function PageNotice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="page-notice">
      {children}
    </p>
  );
}
