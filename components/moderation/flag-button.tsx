"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { flagAction } from "@/server/actions/flag-actions";
import { initialFormState } from "@/lib/form-state";
import { FLAG_REASONS, FLAG_REASON_LABELS, MODERATION_REASON_MAX, type FlaggableType } from "@/lib/validation/moderation";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Button, quietActionClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

const NOUNS: Record<FlaggableType, string> = { ARGUMENT: "argument", THESIS: "thesis", SOURCE: "source", QUOTE: "quote" };

/**
 * "Flag" control for any flaggable content (arguments, theses, sources, quotes): opens a small form with
 * the reasons; the server files one flag per member per target and says so when it is a repeat.
 */
export function FlagButton({ targetType, targetId, className = "" }: { targetType: FlaggableType; targetId: string; className?: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(flagAction, initialFormState);
  const [reason, setReason] = useState("");
  const [details, setDetails] = useState("");
  const handled = useRef<number | undefined>(undefined);
  const id = useId();
  const noun = NOUNS[targetType];

  useEffect(() => {
    if (state.successAt && handled.current !== state.successAt) {
      handled.current = state.successAt;
      setOpen(false);
      setReason("");
      setDetails("");
    }
  }, [state.successAt]);

  const errors = state.fieldErrors ?? {};
  const detailsId = `${id}-details`;
  return (
    <div className={className}>
      <button
        type="button"
        className={`${quietActionClass} text-sm`}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Flag
      </button>
      {state.ok && state.message && !open && (
        <p role="status" className="text-xs text-emerald-800">
          {state.message}
        </p>
      )}
      {open && (
        <form action={action} className="mt-2 space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" noValidate>
          <input type="hidden" name="targetType" value={targetType} />
          <input type="hidden" name="targetId" value={targetId} />
          <fieldset aria-describedby={errors.reason ? `${id}-reason-error` : undefined}>
            <legend className="font-medium text-slate-800">Why are you flagging this {noun}?</legend>
            <div className="mt-1 grid gap-1 sm:grid-cols-2">
              {FLAG_REASONS.map((value) => (
                <label key={value} className="inline-flex items-center gap-1.5">
                  <input type="radio" name="reason" value={value} checked={reason === value} onChange={() => setReason(value)} />
                  {FLAG_REASON_LABELS[value]}
                </label>
              ))}
            </div>
            {errors.reason?.map((m) => (
              <p key={m} id={`${id}-reason-error`} className="text-red-700" role="alert">
                {m}
              </p>
            ))}
          </fieldset>
          <Field
            id={detailsId}
            label={reason === "OTHER" ? "What is wrong?" : "Details (optional)"}
            hint={`${details.length}/${MODERATION_REASON_MAX}`}
            errors={errors.details}
          >
            <textarea
              {...describedBy(detailsId, { hint: true, errors: errors.details })}
              name="details"
              rows={2}
              value={details}
              onChange={(e) => setDetails(e.target.value)}
              className={inputClass}
            />
          </Field>
          {!state.ok && <FormMessage state={state} />}
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Sending…" : "Send flag"}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
