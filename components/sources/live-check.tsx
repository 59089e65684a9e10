"use client";

import { useActionState } from "react";
import Link from "next/link";
import { recheckLiveSourceAction } from "@/server/actions/evidence-actions";
import type { LiveCheckState } from "@/lib/validation/source";
import { Button } from "@/components/ui/button";

const STATUS_WORDS = {
  present: "still on the live page, in the same place",
  moved: "still on the live page, elsewhere in the text",
  gone: "no longer on the live page",
} as const;

/**
 * "Check the live page" for a fetched source: the server fetches it again and says, quote by quote, whether the
 * passage still stands there. Quotes keep pointing at the snapshot they were made on either way.
 */
export function LiveCheck({ sourceId, checkedAt, newerId }: { sourceId: string; checkedAt: string | null; newerId: string | null }) {
  const [state, action, pending] = useActionState(recheckLiveSourceAction, {} as LiveCheckState);
  return (
    <section aria-labelledby="live-check-heading" className="space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm">
      <h2 id="live-check-heading" className="text-lg font-semibold">
        Live page
      </h2>
      <p className="text-slate-700">
        {checkedAt ? `Last checked against the live page on ${new Date(checkedAt).toUTCString()}.` : "Not checked against the live page since it was fetched."}
      </p>
      {/* A superseded snapshot is not checked again (its successor is); the report of the check that superseded it
          stays on screen, as this component keeps its state when the page refreshes. */}
      {newerId ? (
        !state.report && (
          <p>
            <Link href={`/sources/${newerId}`} className="text-blue-700 underline">
              Check the newer snapshot instead
            </Link>
          </p>
        )
      ) : (
        <form action={action}>
          <input type="hidden" name="sourceId" value={sourceId} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Checking the live page…" : "Check the live page"}
          </Button>
        </form>
      )}
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 ${state.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}>
          {state.message}
        </p>
      )}
      {state.report?.newSourceId && (
        <p>
          <Link href={`/sources/${state.report.newSourceId}`} className="text-blue-700 underline">
            Open the new snapshot
          </Link>
        </p>
      )}
      {state.report && state.report.quotes.length > 0 && (
        <ul aria-label="Quotes on the live page" className="space-y-1" data-testid="live-check-report">
          {state.report.quotes.map((q) => (
            <li key={q.quoteId} data-status={q.status}>
              <q className="italic">{q.exact.length > 120 ? `${q.exact.slice(0, 119)}…` : q.exact}</q>:{" "}
              <span className={q.status === "gone" ? "font-semibold text-red-800" : "text-slate-700"}>{STATUS_WORDS[q.status]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
