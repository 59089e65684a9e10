"use client";

import { useId, useState, type ReactNode } from "react";

/** Collapses and expands a branch; the replies stay rendered on the server and only their visibility changes. */
export function CollapsibleReplies({ count, children }: { count: number; children: ReactNode }) {
  const [open, setOpen] = useState(true);
  const id = useId();
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="mt-1 rounded px-1.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-100"
      >
        {open ? "▾ Hide" : "▸ Show"} {count} {count === 1 ? "reply" : "replies"}
      </button>
      <div id={id} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
