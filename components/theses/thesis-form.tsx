"use client";

import { useActionState, useState } from "react";
import { createThesisAction } from "@/server/actions/thesis-actions";
import { initialFormState } from "@/lib/form-state";
import { LIMITS } from "@/lib/validation/limits";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TopicsInput } from "@/components/topics/topics-input";

export function ThesisForm({ knownTopics }: { knownTopics: { slug: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createThesisAction, initialFormState);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field id="thesis-title" label="Thesis" hint={`A claim people can argue for or against. ${title.length}/${LIMITS.thesisTitle}`} errors={errors.title}>
        <input {...describedBy("thesis-title", { hint: true, errors: errors.title })} name="title" value={title} onChange={(e) => setTitle(e.target.value)} required className={inputClass} />
      </Field>
      <Field id="thesis-body" label="Description (optional)" hint="Context, definitions, scope. Markdown allowed." errors={errors.body}>
        <textarea {...describedBy("thesis-body", { hint: true, errors: errors.body })} name="body" rows={5} value={body} onChange={(e) => setBody(e.target.value)} className={inputClass} />
      </Field>
      <TopicsInput id="thesis-topics" known={knownTopics} errors={errors.topics} />
      <Button type="submit" disabled={pending}>
        {pending ? "Opening…" : "Open thesis"}
      </Button>
    </form>
  );
}
