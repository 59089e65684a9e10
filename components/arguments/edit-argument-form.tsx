"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { editArgumentAction } from "@/server/actions/argument-actions";
import { initialFormState, type FormState } from "@/lib/form-state";
import { LIMITS } from "@/lib/validation/limits";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { CitePicker } from "@/components/citations/cite-picker";
import { useCitedQuotes } from "@/components/citations/use-cited-quotes";
import { ComposerBody } from "./composer-body";

export function EditArgumentForm({
  argumentId,
  body: initialBody,
  onDone,
  onCancel,
}: {
  argumentId: string;
  body: string;
  /** Called with the action's answer (its `rendered` new body) once the server saved the edit. */
  onDone: (state: FormState) => void;
  onCancel: () => void;
}) {
  const [state, action, pending] = useActionState(editArgumentAction, initialFormState);
  const [body, setBody] = useState(initialBody);
  const id = `${useId()}-edit`;
  const handled = useRef<number | undefined>(undefined);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const cited = useCitedQuotes(body);
  useEffect(() => {
    if (state.successAt && handled.current !== state.successAt) {
      handled.current = state.successAt;
      onDone(state);
    }
  }, [state, onDone]);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="argumentId" value={argumentId} />
      <ComposerBody
        id={id}
        label="Edit your argument"
        hint={`Earlier versions stay in the history; a typo fix keeps the votes, other changes ask voters again. ${body.length}/${LIMITS.argumentBody}`}
        errors={errors.body}
        value={body}
        onChange={setBody}
        textareaRef={textarea}
        rows={5}
        autoFocus
        quotes={cited.known}
      />
      {!state.ok && <FormMessage state={state} />}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        {/* Evidence: inserts a [[q:…]] citation marker at the cursor (after Save in the tab order). */}
        <CitePicker textareaRef={textarea} value={body} onChange={setBody} onCite={cited.remember} />
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
