"use client";

import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

type Outcome =
  | { ok: true; url: string; slug: string; counts: Record<string, number>; authors: { mapped: number; placeholders: number } }
  | { ok: false; message: string; problems: string[] };

/** Sends the chosen files to POST /api/v1/imports as text (so the server reports on the file exactly as it is). */
export function ImportThesisForm() {
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    const authors = form.get("authors");
    if (!(file instanceof File) || file.size === 0) {
      setOutcome({ ok: false, message: "Choose an export file.", problems: [] });
      return;
    }
    setPending(true);
    try {
      const response = await fetch("/api/v1/imports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ file: await file.text(), authors: authors instanceof File && authors.size > 0 ? await authors.text() : undefined }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        setOutcome({ ok: true, url: body.thesis.url, slug: body.thesis.slug, counts: body.counts, authors: body.authors });
      } else {
        // Error bodies are `{ error: "…", fieldErrors }` or `{ error: { message, fields } }`.
        const error = body.error;
        const fields = body.fieldErrors ?? error?.fields ?? {};
        setOutcome({ ok: false, message: typeof error === "string" ? error : (error?.message ?? `The import failed (${response.status}).`), problems: fields.file ?? [] });
      }
    } catch {
      setOutcome({ ok: false, message: "The server could not be reached. Nothing was imported.", problems: [] });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <Field id={`${id}-file`} label="Export file (.json)">
        <input id={`${id}-file`} name="file" type="file" accept=".json,application/json" required className={inputClass} />
      </Field>
      <Field
        id={`${id}-authors`}
        label="Authors mapping (optional)"
        hint={'A JSON file of exported handle → handle or email of an account here, e.g. {"olena-kovalenko": "olena"}. Authors not named get placeholder accounts that cannot sign in.'}
      >
        <input id={`${id}-authors`} name="authors" type="file" accept=".json,application/json" aria-describedby={`${id}-authors-hint`} className={inputClass} />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Checking and importing…" : "Import"}</Button>
      {outcome?.ok === true && (
        <div role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Imported as <Link href={outcome.url} className="font-medium underline">/t/{outcome.slug}</Link>: {outcome.counts.arguments} arguments,{" "}
          {outcome.counts.revisions} revisions, {outcome.counts.sources} sources, {outcome.counts.quotes} new quotes, {outcome.counts.citations} citations;{" "}
          {outcome.authors.mapped} authors mapped, {outcome.authors.placeholders} placeholder authors.
        </div>
      )}
      {outcome?.ok === false && (
        <div role="alert" className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          <p>{outcome.message}</p>
          {outcome.problems.length > 0 && (
            <ul className="list-disc pl-5">
              {outcome.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
