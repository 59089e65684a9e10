"use client";

import { useCallback, useState } from "react";
import Link from "next/link";
import { ArgumentForm } from "./argument-form";
import { EditArgumentForm } from "./edit-argument-form";

/** Reply / edit / permalink controls under an argument; the forms open in place. */
export function ArgumentActions({
  thesisId,
  argumentId,
  body,
  permalink,
  canReply,
  canEdit,
  loginHref,
}: {
  thesisId: string;
  argumentId: string;
  body: string;
  permalink: string;
  canReply: boolean;
  canEdit: boolean;
  loginHref: string;
}) {
  const [open, setOpen] = useState<"reply" | "edit" | null>(null);
  const close = useCallback(() => setOpen(null), []);
  const linkClass = "rounded px-1.5 py-0.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900";
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap items-center gap-1 text-sm">
        {canReply ? (
          <button type="button" className={linkClass} aria-expanded={open === "reply"} onClick={() => setOpen(open === "reply" ? null : "reply")}>
            Reply
          </button>
        ) : (
          <Link href={loginHref} className={linkClass}>
            Sign in to reply
          </Link>
        )}
        {canEdit && (
          <button type="button" className={linkClass} aria-expanded={open === "edit"} onClick={() => setOpen(open === "edit" ? null : "edit")}>
            Edit
          </button>
        )}
        <Link href={permalink} className={linkClass}>
          Permalink
        </Link>
      </div>
      {open === "reply" && <ArgumentForm thesisId={thesisId} parentId={argumentId} label="Your reply" onDone={close} />}
      {open === "edit" && <EditArgumentForm argumentId={argumentId} body={body} onDone={close} />}
    </div>
  );
}
