"use client";

import { useActionState, useState } from "react";
import { updateThesisTopicsAction } from "@/server/actions/thesis-actions";
import { initialFormState } from "@/lib/form-state";
import { Button, quietActionClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TopicsInput } from "./topics-input";

/** "Edit topics" for the thesis's owner and moderators: untick to remove a topic, type to add one. */
export function EditThesisTopics({ slug, topics }: { slug: string; topics: { slug: string; name: string }[] }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(updateThesisTopicsAction.bind(null, slug), initialFormState);
  return (
    <div className="w-full sm:w-auto">
      <button type="button" className={quietActionClass} aria-expanded={open} onClick={() => setOpen(!open)}>
        Edit topics
      </button>
      {open && (
        <form action={action} className="mt-2 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" noValidate>
          <FormMessage state={state} />
          <TopicsInput id="edit-topics" known={topics} initial={topics.map((t) => t.name)} errors={state.fieldErrors?.topics} />
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save topics"}
          </Button>
        </form>
      )}
    </div>
  );
}
