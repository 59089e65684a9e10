"use client";

import { useState, useTransition } from "react";
import { watchAction } from "@/server/actions/watch-actions";

/**
 * A toggle button (aria-pressed): its name stays "Watch this thesis" / "Watch this argument" whatever its state,
 * as toggle buttons should; the state shows as pressed, and as "Watching" beside it.
 */
export function WatchButton({
  targetType,
  targetId,
  initialWatching,
}: {
  targetType: "THESIS" | "ARGUMENT";
  targetId: string;
  initialWatching: boolean;
}) {
  const [watching, setWatching] = useState(initialWatching);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const noun = targetType === "THESIS" ? "thesis" : "argument";

  function toggle() {
    // Not `disabled` while saving: a disabled button drops keyboard focus.
    if (pending) return;
    const next = !watching;
    setWatching(next);
    setError(null);
    startTransition(async () => {
      const result = await watchAction({ targetType, targetId, watching: next });
      if (!result.ok) {
        setWatching(!next);
        setError(result.message);
      }
    });
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        aria-pressed={watching}
        onClick={toggle}
        className={`inline-flex items-center gap-1 rounded-md border px-2.5 py-1 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${
          watching ? "border-blue-700 bg-blue-700 text-white hover:bg-blue-800" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
        }`}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M1.5 10s3-6 8.5-6 8.5 6 8.5 6-3 6-8.5 6-8.5-6-8.5-6Z" />
          <circle cx="10" cy="10" r="2.5" />
        </svg>
        Watch this {noun}
      </button>
      <span role="status" className="text-slate-600">
        {watching ? `Watching: new arguments ${targetType === "THESIS" ? "in it" : "beneath it"} notify you.` : ""}
      </span>
      {error && (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
