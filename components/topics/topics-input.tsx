"use client";

import { useState } from "react";
import { LIMITS } from "@/lib/validation/limits";
import { describedBy, FieldMessages, inputClass } from "@/components/ui/field";

/**
 * Topic picking for a thesis: tick existing topics and/or type new ones (comma-separated). Sends `topics` (ticked
 * names) and `newTopics`; the server reads both with topicNamesFromForm and matches names to topics by slug.
 */
export function TopicsInput({
  id,
  known,
  initial = [],
  errors,
}: {
  id: string;
  /** Topics to offer as checkboxes (the most used ones and the thesis's own). */
  known: { slug: string; name: string }[];
  initial?: string[];
  errors?: string[];
}) {
  const [checked, setChecked] = useState(() => new Set(initial));
  const [typed, setTyped] = useState("");
  const toggle = (name: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Topics (optional, at most {LIMITS.topicsPerThesis})</legend>
      {known.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {known.map((topic) => (
            <li key={topic.slug}>
              <label className="inline-flex max-w-full items-center gap-1.5 rounded-full border border-slate-300 px-2.5 py-1 text-sm has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50">
                <input type="checkbox" name="topics" value={topic.name} checked={checked.has(topic.name)} onChange={() => toggle(topic.name)} />
                <span className="break-words">{topic.name}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-new`} className="block text-sm text-slate-800">
        {known.length > 0 ? "Other topics" : "Topics"}
      </label>
      <input
        {...describedBy(`${id}-new`, { hint: true, errors })}
        name="newTopics"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        className={inputClass}
        placeholder="e.g. Sanctions, Energy"
      />
      <FieldMessages id={`${id}-new`} hint={`Separate topics with commas; each ${LIMITS.topicNameMin}–${LIMITS.topicNameMax} characters.`} errors={errors} />
    </fieldset>
  );
}
