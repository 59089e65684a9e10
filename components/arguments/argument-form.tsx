"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { createArgumentAction } from "@/server/actions/argument-actions";
import { initialFormState, type FormState } from "@/lib/form-state";
import { LIMITS } from "@/lib/validation/limits";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { StanceValue } from "./stance";
import { CitePicker } from "@/components/citations/cite-picker";
import { useCitedQuotes } from "@/components/citations/use-cited-quotes";
import { ComposerBody } from "./composer-body";

/**
 * Composer for an argument on the thesis (fixed stance) or a reply to an argument (the user picks whether it
 * supports or opposes). The text stays in the form until the server has accepted it.
 */
export function ArgumentForm({
  thesisId,
  parentId,
  stance: fixedStance,
  label,
  initialBody = "",
  onDone,
  onCancel,
}: {
  thesisId: string;
  parentId?: string;
  stance?: StanceValue;
  label: string;
  /** A draft to start from ("Cite in an argument" opens the composer with the citation in it). */
  initialBody?: string;
  /** Called with the action's answer once the server accepted the argument. */
  onDone?: (state: FormState) => void;
  onCancel?: () => void;
}) {
  const [state, action, pending] = useActionState(createArgumentAction, initialFormState);
  const [body, setBody] = useState(initialBody);
  const [stance, setStance] = useState<StanceValue | "">(fixedStance ?? "");
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const handled = useRef<number | undefined>(undefined);
  const cited = useCitedQuotes(body);

  useEffect(() => {
    // The caret goes before a prepared citation: the member writes the claim it supports.
    textarea.current?.focus();
    textarea.current?.setSelectionRange(0, 0);
  }, []);
  useEffect(() => {
    if (state.successAt && handled.current !== state.successAt) {
      handled.current = state.successAt;
      setBody("");
      onDone?.(state);
    }
  }, [state, onDone]);

  const errors = state.fieldErrors ?? {};
  const bodyId = `${id}-body`;
  return (
    <form action={action} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" noValidate>
      <input type="hidden" name="thesisId" value={thesisId} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      {fixedStance ? (
        <input type="hidden" name="stance" value={fixedStance} />
      ) : (
        <fieldset aria-describedby={errors.stance ? `${id}-stance-error` : undefined}>
          <legend className="text-sm font-medium text-slate-800">This reply…</legend>
          <div className="mt-1 flex gap-4 text-sm">
            {(["PRO", "CON"] as const).map((value) => (
              <label key={value} className="inline-flex items-center gap-1">
                <input type="radio" name="stance" value={value} checked={stance === value} onChange={() => setStance(value)} />
                {value === "PRO" ? "supports it" : "opposes it (rebuttal)"}
              </label>
            ))}
          </div>
          {errors.stance?.map((m) => (
            <p key={m} id={`${id}-stance-error`} className="text-sm text-red-700" role="alert">
              {m}
            </p>
          ))}
        </fieldset>
      )}
      <ComposerBody
        id={bodyId}
        label={label}
        hint={`Markdown: *emphasis*, **bold**, lists, links. ${body.length}/${LIMITS.argumentBody}`}
        errors={errors.body}
        value={body}
        onChange={setBody}
        textareaRef={textarea}
        rows={4}
        quotes={cited.known}
      />
      {!state.ok && <FormMessage state={state} />}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Posting…" : "Post"}
        </Button>
        {/* Evidence: inserts a [[q:…]] citation marker at the cursor (after Post in the tab order). */}
        <CitePicker textareaRef={textarea} value={body} onChange={setBody} onCite={cited.remember} />
        {onCancel && (
          <Button type="button" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
