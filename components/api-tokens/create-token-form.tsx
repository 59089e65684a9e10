"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { createApiTokenAction } from "@/server/actions/api-token-actions";
import type { CreateApiTokenFormState } from "@/lib/validation/api-token";
import { LIMITS } from "@/lib/validation/limits";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

const initialState: CreateApiTokenFormState = {};

/** Names a new token, then shows its secret: the only moment anyone, the member included, can see it. */
export function CreateTokenForm({ apiBase }: { apiBase: string }) {
  const [state, action, pending] = useActionState(createApiTokenAction, initialState);
  const [name, setName] = useState("");
  const secretField = useRef<HTMLInputElement>(null);
  const handled = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (state.successAt && handled.current !== state.successAt) {
      handled.current = state.successAt;
      setName("");
      // Straight to the secret, so keyboard and screen-reader users land where they must copy it.
      secretField.current?.focus();
    }
  }, [state.successAt]);
  const errors = state.fieldErrors ?? {};
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3" noValidate>
        <Field
          id="token-name"
          label="Token name"
          hint={`What will use it, e.g. "vote bot" or "laptop scripts". ${name.length}/${LIMITS.apiTokenName}`}
          errors={errors.name}
        >
          <input
            {...describedBy("token-name", { hint: true, errors: errors.name })}
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={LIMITS.apiTokenName}
            autoComplete="off"
            required
            className={inputClass}
          />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      <FormMessage state={state} />
      {state.created && (
        <section aria-labelledby="new-token-heading" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h3 id="new-token-heading" className="font-semibold text-slate-900">
            Copy your new token now
          </h3>
          <Field
            id="new-token-secret"
            label={`Secret of "${state.created.name}"`}
            hint="It will not be shown again: Agora keeps only a fingerprint of it. If you lose it, revoke it and create another."
          >
            <input
              {...describedBy("new-token-secret", { hint: true })}
              ref={secretField}
              readOnly
              value={state.created.secret}
              onFocus={(e) => e.currentTarget.select()}
              spellCheck={false}
              className={`${inputClass} font-mono text-sm`}
            />
          </Field>
          <div className="space-y-1">
            <p className="text-sm text-slate-800">Send it in the Authorization header, for example:</p>
            <pre className="whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 text-xs text-slate-50">
              <code>{`curl -H "Authorization: Bearer ${state.created.secret}" ${apiBase}/api/v1/theses`}</code>
            </pre>
          </div>
        </section>
      )}
    </div>
  );
}
