"use client";

import { useActionState, useId, useState } from "react";
import { addPastedSourceAction, addSourceByUrlAction } from "@/server/actions/evidence-actions";
import { initialFormState } from "@/lib/form-state";
import { SOURCE_LIMITS } from "@/lib/validation/source";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/** Add a source: by URL (the server fetches and snapshots it) or by pasting its text. */
export function AddSourceForms() {
  const [mode, setMode] = useState<"url" | "paste">("url");
  return (
    <div className="space-y-4">
      <div role="radiogroup" aria-label="How to add the source" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
        {(
          [
            ["url", "From a web address"],
            ["paste", "Paste the text"],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={mode === value}
            onClick={() => setMode(value)}
            className={`rounded px-3 py-1 focus-visible:outline-2 focus-visible:outline-blue-600 ${mode === value ? "bg-blue-700 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {label}
          </button>
        ))}
      </div>
      {mode === "url" ? <UrlForm /> : <PasteForm />}
    </div>
  );
}

function UrlForm() {
  const [state, action, pending] = useActionState(addSourceByUrlAction, initialFormState);
  const id = `${useId()}-url`;
  const errors = state.fieldErrors?.url;
  const [url, setUrl] = useState("");
  return (
    <form action={action} className="space-y-3" noValidate>
      <Field
        id={id}
        label="Web address of the page"
        hint="Agora fetches the page once and stores a snapshot of its text (http and https pages up to 5 MB). The same address always gives the same source."
        errors={errors}
      >
        <input {...describedBy(id, { hint: true, errors })} name="url" value={url} onChange={(ev) => setUrl(ev.target.value)} type="url" inputMode="url" placeholder="https://" className={inputClass} />
      </Field>
      {!errors && <FormMessage state={state} />}
      <Button type="submit" disabled={pending}>
        {pending ? "Fetching…" : "Fetch and add source"}
      </Button>
    </form>
  );
}

function PasteForm() {
  const [state, action, pending] = useActionState(addPastedSourceAction, initialFormState);
  const id = useId();
  const e = state.fieldErrors ?? {};
  // Controlled fields: React resets uncontrolled ones after an action, and a refusal must lose nothing.
  const [values, setValues] = useState({ title: "", publisher: "", byline: "", publishedAt: "", url: "", text: "" });
  const text = values.text;
  const field = (name: string) => `${id}-${name}`;
  const bind = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (ev: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: ev.target.value })),
  });
  return (
    <form action={action} className="space-y-3" noValidate>
      <p className="text-sm text-slate-700">
        For paywalled, offline or printed sources. The page will say the text was supplied by you, not fetched.
      </p>
      <Field id={field("title")} label="Title" errors={e.title}>
        <input {...describedBy(field("title"), { errors: e.title })} {...bind("title")} maxLength={SOURCE_LIMITS.title} className={inputClass} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={field("publisher")} label="Publisher (optional)" errors={e.publisher}>
          <input {...describedBy(field("publisher"), { errors: e.publisher })} {...bind("publisher")} className={inputClass} />
        </Field>
        <Field id={field("byline")} label="Author (optional)" errors={e.byline}>
          <input {...describedBy(field("byline"), { errors: e.byline })} {...bind("byline")} className={inputClass} />
        </Field>
        <Field id={field("publishedAt")} label="Date published (optional)" errors={e.publishedAt}>
          <input {...describedBy(field("publishedAt"), { errors: e.publishedAt })} {...bind("publishedAt")} type="date" className={inputClass} />
        </Field>
        <Field id={field("url")} label="Address, if it has one (optional)" errors={e.url}>
          <input {...describedBy(field("url"), { errors: e.url })} {...bind("url")} type="url" placeholder="https://" className={inputClass} />
        </Field>
      </div>
      <Field id={field("text")} label="Text of the source" hint={`${text.length.toLocaleString("en")}/${SOURCE_LIMITS.pastedTextMax.toLocaleString("en")} characters`} errors={e.text}>
        <textarea
          {...describedBy(field("text"), { hint: true, errors: e.text })}
          {...bind("text")}
          rows={12}
          className={inputClass}
        />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Add source"}
      </Button>
    </form>
  );
}
