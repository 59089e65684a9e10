"use client";

import { useState } from "react";
import { ModerationForm } from "./moderation-form";
import { quietActionClass } from "@/components/ui/button";

/** Lock/unlock for the thesis's moderators; hide/restore of the thesis itself for site moderators. */
export function ThesisModerationTools({
  thesisId,
  locked,
  hidden,
  siteModerator,
}: {
  thesisId: string;
  locked: boolean;
  hidden: boolean;
  siteModerator: boolean;
}) {
  const [open, setOpen] = useState(false);
  const target = { targetType: "THESIS", targetId: thesisId };
  return (
    <div className="w-full sm:w-auto">
      <button
        type="button"
        className={quietActionClass}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Moderate thesis
      </button>
      {open && (
        <div className="mt-2 grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2">
          {locked ? (
            <ModerationForm fields={{ action: "UNLOCK", thesisId }} submitLabel="Unlock thesis" />
          ) : (
            <ModerationForm fields={{ action: "LOCK", thesisId }} submitLabel="Lock thesis" reason="required" />
          )}
          {siteModerator &&
            (hidden ? (
              <ModerationForm fields={{ action: "RESTORE", ...target }} submitLabel="Restore thesis" />
            ) : (
              <ModerationForm fields={{ action: "HIDE", ...target }} submitLabel="Hide thesis" reason="required" />
            ))}
        </div>
      )}
    </div>
  );
}
