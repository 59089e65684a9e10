"use client";

import { SimilarArguments } from "@/components/arguments/similar-arguments";
import { useState } from "react";
import { useFormStatus } from "react-dom";
import { moderateAction } from "@/server/actions/moderation-actions";
import { initialFormState, type FormState } from "@/lib/form-state";
import { MODERATION_REASON_MAX } from "@/lib/validation/moderation";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SUSPENSION_CHOICES } from "./moderation-form";
import { useConfirm } from "./moderation-confirmation";

export type ReviewActionName = "DISMISS" | "HIDE" | "RESTORE" | "MARK_DUPLICATE" | "LOCK" | "UNLOCK" | "SUSPEND";

/** One act this moderator may take on the item, and the fields of its inverse when they may undo it. */
export interface ReviewOffer {
  action: ReviewActionName;
  label: string;
  undo: Record<string, string> | null;
}

/**
 * A review item's acts as one form: one reason field serves whichever button is pressed (the button carries the
 * action), so a moderator types the reason once and acts in one click. What was done is confirmed above the
 * queue, with its undo. The server re-checks every act.
 */
export function ReviewActions({
  subject,
  fields,
  offers,
  duplicateSearch,
}: {
  subject: string;
  fields: Record<string, string>;
  offers: ReviewOffer[];
  /** The flagged argument, for "Has this been said already?" suggestions of its original. */
  duplicateSearch?: { thesisId: string; argumentId: string; text: string };
}) {
  const confirm = useConfirm();
  const [state, setState] = useState<FormState>(initialFormState);
  // Controlled, so a refused act keeps what the moderator typed.
  const [reason, setReason] = useState("");
  const [duplicateOf, setDuplicateOf] = useState("");
  const [hours, setHours] = useState("24");
  const id = `review-${fields.reviewItemId}`;
  const errors = state.fieldErrors ?? {};
  const offered = (action: ReviewActionName) => offers.some((offer) => offer.action === action);

  async function act(formData: FormData) {
    const action = formData.get("action");
    const result = await moderateAction(initialFormState, formData);
    if (!result.ok) return setState(result);
    setState(initialFormState);
    setReason("");
    confirm({ message: `${subject}: ${result.message}`, undo: offers.find((offer) => offer.action === action)?.undo ?? null, ok: true });
  }

  if (offers.length === 0) return <p className="border-t border-slate-200 pt-3 text-sm text-slate-600">No action here is yours to take.</p>;
  return (
    <form action={act} aria-label={`Act on this ${subject.toLowerCase()}`} className="space-y-3 border-t border-slate-200 pt-3 text-sm" noValidate>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        id={`${id}-reason`}
        label="Reason (shown to the author and in the public log)"
        hint={`Needed to hide, lock or suspend. ${reason.length}/${MODERATION_REASON_MAX}`}
        errors={errors.reason}
      >
        <textarea
          {...describedBy(`${id}-reason`, { hint: true, errors: errors.reason })}
          name="reason"
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          className={inputClass}
        />
      </Field>
      {(offered("MARK_DUPLICATE") || offered("SUSPEND")) && (
        <div className="grid gap-3 sm:grid-cols-2">
          {offered("MARK_DUPLICATE") && (
            <Field id={`${id}-duplicate`} label="Original argument, if a duplicate (link or id)" errors={errors.duplicateOfId}>
              <input
                {...describedBy(`${id}-duplicate`, { errors: errors.duplicateOfId })}
                name="duplicateOfId"
                value={duplicateOf}
                onChange={(event) => setDuplicateOf(event.target.value)}
                className={inputClass}
              />
            </Field>
          )}
          {offered("MARK_DUPLICATE") && duplicateSearch && (
            <div className="sm:col-span-2">
              <SimilarArguments
                thesisId={duplicateSearch.thesisId}
                excludeId={duplicateSearch.argumentId}
                text={duplicateSearch.text}
                heading="Most similar arguments"
                action={{ label: "Use as original", onPick: (argument) => setDuplicateOf(argument.id) }}
              />
            </div>
          )}
          {offered("SUSPEND") && (
            <Field id={`${id}-hours`} label="Suspend the author for" errors={errors.hours}>
              <select {...describedBy(`${id}-hours`, { errors: errors.hours })} name="hours" value={hours} onChange={(event) => setHours(event.target.value)} className={inputClass}>
                {SUSPENSION_CHOICES.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
      )}
      <FormMessage state={state} />
      <ActionButtons offers={offers} />
    </form>
  );
}

function ActionButtons({ offers }: { offers: ReviewOffer[] }) {
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-wrap gap-2">
      {offers.map((offer) => (
        <Button key={offer.action} type="submit" name="action" value={offer.action} variant={offer.action === "HIDE" ? "primary" : "secondary"} disabled={pending}>
          {offer.label}
        </Button>
      ))}
    </div>
  );
}
