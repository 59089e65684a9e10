"use client";

import { useCallback, useState } from "react";
import Link from "next/link";
import { ArgumentForm } from "./argument-form";
import { EditArgumentForm } from "./edit-argument-form";
import { quietActionClass } from "@/components/ui/button";

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
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap items-center gap-1 text-sm">
        {canReply ? (
          <button type="button" className={quietActionClass} aria-expanded={open === "reply"} onClick={() => setOpen(open === "reply" ? null : "reply")}>
            Reply
          </button>
        ) : (
          <Link href={loginHref} className={quietActionClass}>
            Sign in to reply
          </Link>
        )}
        {canEdit && (
          <button type="button" className={quietActionClass} aria-expanded={open === "edit"} onClick={() => setOpen(open === "edit" ? null : "edit")}>
            Edit
          </button>
        )}
        <Link href={permalink} className={quietActionClass}>
          Permalink
        </Link>
      </div>
      {open === "reply" && <ArgumentForm thesisId={thesisId} parentId={argumentId} label="Your reply" onDone={close} />}
      {open === "edit" && <EditArgumentForm argumentId={argumentId} body={body} onDone={close} />}
    </div>
  );
}
