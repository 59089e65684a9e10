"use client";

import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";
import { ArgumentForm } from "./argument-form";
import { usePrependToColumn } from "./paged-list";
import type { StanceValue } from "./stance";

/**
 * "Add an argument for/against" (on the thesis) or "Add a supporting reply / a rebuttal" (under a focused
 * argument): opens the composer; the posted argument's card, rendered by the action, goes to the top of its column.
 */
export function AddArgument({ thesisId, parentId, stance, label, fieldLabel }: { thesisId: string; parentId?: string; stance: StanceValue; label: string; fieldLabel: string }) {
  const [open, setOpen] = useState(false);
  const prepend = usePrependToColumn();
  const router = useRouter();
  const close = useCallback(() => setOpen(false), []);
  const done = useCallback(
    (state: FormState) => {
      setOpen(false);
      if (state.rendered && state.createdId) prepend?.(state.rendered, state.createdId);
      // The card above came in the answer; this re-reads the current view once (its first page, a size that does
      // not grow with the debate) so that Back and Forward, which replay the router's cache, show the post too.
      router.refresh();
    },
    [prepend, router],
  );
  return open ? (
    <ArgumentForm thesisId={thesisId} parentId={parentId} stance={stance} label={fieldLabel} onDone={done} onCancel={close} />
  ) : (
    <Button type="button" variant="secondary" className="w-full" onClick={() => setOpen(true)}>
      + {label}
    </Button>
  );
}
