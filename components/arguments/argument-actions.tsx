"use client";

import { useCallback, useState } from "react";
import Link from "next/link";
import type { FormState } from "@/lib/form-state";
import { ArgumentForm } from "./argument-form";
import { EditArgumentForm } from "./edit-argument-form";
import { useCardState } from "./card-state";
import { quietActionClass } from "@/components/ui/button";

/**
 * Reply / edit / open controls under an argument; the forms open in place and their answers update the card
 * (card-state.tsx) instead of reloading the page.
 */
export function ArgumentActions({
  thesisId,
  argumentId,
  body,
  permalink,
  canReply,
  showReply,
  canEdit,
  loginHref,
  context,
}: {
  thesisId: string;
  argumentId: string;
  body: string;
  permalink: string;
  canReply: boolean;
  /** The focus card takes replies in its columns below, not here. */
  showReply: boolean;
  canEdit: boolean;
  loginHref: string;
  /** Names the argument in accessible names ("Open … by …"). */
  context: string;
}) {
  const [open, setOpen] = useState<"reply" | "edit" | null>(null);
  const card = useCardState();
  const close = useCallback(() => setOpen(null), []);
  const replied = useCallback(
    (state: FormState) => {
      setOpen(null);
      if (state.createdPermalink) card?.replyPosted(state.createdPermalink);
    },
    [card],
  );
  const edited = useCallback(
    (state: FormState) => {
      setOpen(null);
      if (state.rendered) card?.replaceBody(state.rendered);
    },
    [card],
  );
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap items-center gap-1 text-sm">
        {showReply &&
          (canReply ? (
            <button type="button" className={quietActionClass} aria-expanded={open === "reply"} onClick={() => setOpen(open === "reply" ? null : "reply")}>
              Reply
            </button>
          ) : (
            <Link href={loginHref} className={quietActionClass}>
              Sign in to reply
            </Link>
          ))}
        {canEdit && (
          <button type="button" className={quietActionClass} aria-expanded={open === "edit"} onClick={() => setOpen(open === "edit" ? null : "edit")}>
            Edit
          </button>
        )}
        <Link href={permalink} className={quietActionClass}>
          Permalink<span className="sr-only"> of {context}</span>
        </Link>
      </div>
      {open === "reply" && <ArgumentForm thesisId={thesisId} parentId={argumentId} label="Your reply" onDone={replied} onCancel={close} />}
      {open === "edit" && <EditArgumentForm argumentId={argumentId} body={body} onDone={edited} onCancel={close} />}
    </div>
  );
}
