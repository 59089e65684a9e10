"use client";

import { useActionState, useId, useState } from "react";
import { moderateAction } from "@/server/actions/moderation-actions";
import { initialFormState } from "@/lib/form-state";
import { MODERATION_REASON_MAX, SUSPENSION_HOURS } from "@/lib/validation/moderation";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SimilarArguments } from "@/components/arguments/similar-arguments";

export const SUSPENSION_CHOICES = [
  [1, "1 hour"],
  [24, "1 day"],
  [72, "3 days"],
  [168, "1 week"],
  [720, "30 days"],
  [SUSPENSION_HOURS.max, "365 days"],
] as const;

/**
 * One moderation act as a form: fixed fields travel hidden, the moderator fills in the reason (and the
 * length of a suspension or the original of a duplicate). The server re-checks everything.
 */
export function ModerationForm({
  fields,
  submitLabel,
  reason = "optional",
  extra,
  duplicateSearch,
  variant = "secondary",
}: {
  fields: Record<string, string>;
  submitLabel: string;
  reason?: "required" | "optional" | "none";
  extra?: "hours" | "duplicateOf" | "handle" | "role";
  /** For "duplicateOf": the argument's thesis and text, to offer the most similar arguments as the original. */
  duplicateSearch?: { thesisId: string; argumentId: string; text: string };
  variant?: "primary" | "secondary";
}) {
  const [state, action, pending] = useActionState(moderateAction, initialFormState);
  const [text, setText] = useState("");
  const [original, setOriginal] = useState("");
  const id = useId();
  const errors = state.fieldErrors ?? {};
  const reasonId = `${id}-reason`;
  // Several of these forms share a page (lock and hide a thesis, a role per member): each field's name says
  // which act it belongs to.
  const act = submitLabel.charAt(0).toLowerCase() + submitLabel.slice(1);
  const extraId = `${id}-extra`;
  return (
    <form action={action} className="space-y-2 text-sm" noValidate>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {extra === "hours" && (
        <Field id={extraId} label="Suspend for" errors={errors.hours}>
          <select {...describedBy(extraId, { errors: errors.hours })} name="hours" defaultValue="24" className={inputClass}>
            {SUSPENSION_CHOICES.map(([hours, label]) => (
              <option key={hours} value={hours}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      )}
      {extra === "duplicateOf" && (
        <>
          <Field id={extraId} label="Original argument (link or id)" errors={errors.duplicateOfId}>
            <input {...describedBy(extraId, { errors: errors.duplicateOfId })} name="duplicateOfId" value={original} onChange={(e) => setOriginal(e.target.value)} className={inputClass} />
          </Field>
          {duplicateSearch && (
            <SimilarArguments
              thesisId={duplicateSearch.thesisId}
              excludeId={duplicateSearch.argumentId}
              text={duplicateSearch.text}
              heading="Most similar arguments"
              action={{ label: "Use as original", onPick: (argument) => setOriginal(argument.id) }}
            />
          )}
        </>
      )}
      {extra === "handle" && (
        <Field id={extraId} label="Member's handle" hint="As in their profile address, /u/<handle>" errors={errors.handle}>
          <input {...describedBy(extraId, { hint: true, errors: errors.handle })} name="handle" className={inputClass} autoComplete="off" />
        </Field>
      )}
      {extra === "role" && (
        <Field id={extraId} label={<>New role<span className="sr-only"> ({act})</span></>} errors={errors.role}>
          <select {...describedBy(extraId, { errors: errors.role })} name="role" defaultValue={fields.currentRole ?? "USER"} className={inputClass}>
            <option value="USER">Member</option>
            <option value="MODERATOR">Moderator</option>
            <option value="ADMIN">Administrator</option>
          </select>
        </Field>
      )}
      {reason !== "none" && (
        <Field
          id={reasonId}
          label={reason === "required" ? `Reason to ${act} (shown to the author and in the public log)` : `Reason to ${act} (optional, public)`}
          hint={`${text.length}/${MODERATION_REASON_MAX}`}
          errors={errors.reason}
        >
          <textarea
            {...describedBy(reasonId, { hint: true, errors: errors.reason })}
            name="reason"
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className={inputClass}
          />
        </Field>
      )}
      <FormMessage state={state} />
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </Button>
    </form>
  );
}
