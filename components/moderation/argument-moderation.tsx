"use client";

import { useState } from "react";
import { FlagButton } from "./flag-button";
import { ModerationForm } from "./moderation-form";
import { quietActionClass } from "@/components/ui/button";

/** Flag control for members, and hide / restore / mark-duplicate tools for the thesis's moderators. */
export function ArgumentModeration({
  argumentId,
  hidden,
  duplicate,
  canFlag,
  canModerate,
  duplicateSearch,
}: {
  argumentId: string;
  /** The argument's thesis and text, for the duplicate picker's suggestions (sent to moderators only). */
  duplicateSearch?: { thesisId: string; text: string };
  hidden: boolean;
  duplicate: boolean;
  canFlag: boolean;
  canModerate: boolean;
}) {
  const [open, setOpen] = useState(false);
  if (!canFlag && !canModerate) return null;
  const target = { targetType: "ARGUMENT", targetId: argumentId };
  return (
    <div className="mt-1 space-y-2">
      <div className="flex flex-wrap items-start gap-1">
        {canFlag && <FlagButton targetType="ARGUMENT" targetId={argumentId} />}
        {canModerate && (
          <button
            type="button"
            className={`${quietActionClass} text-sm`}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            Moderate
          </button>
        )}
      </div>
      {canModerate && open && (
        <div className="grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2">
          {hidden || duplicate ? (
            <ModerationForm fields={{ action: "RESTORE", ...target }} submitLabel="Restore argument" />
          ) : (
            <ModerationForm fields={{ action: "HIDE", ...target }} submitLabel="Hide argument" reason="required" />
          )}
          {!duplicate && (
            <ModerationForm
              fields={{ action: "MARK_DUPLICATE", targetId: argumentId }}
              submitLabel="Mark as duplicate"
              extra="duplicateOf"
              duplicateSearch={duplicateSearch && { ...duplicateSearch, argumentId }}
            />
          )}
        </div>
      )}
    </div>
  );
}
