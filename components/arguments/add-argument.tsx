"use client";

import { useCallback, useState } from "react";
import type { FormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";
import { ArgumentForm } from "./argument-form";
import { usePrependToColumn } from "./paged-list";
import type { StanceValue } from "./stance";

/**
 * "Add an argument for/against" (on the thesis) or "Add a supporting reply / a rebuttal" (under a focused
 * argument): opens the composer; the posted argument's card, rendered by the action, goes to the top of its column.
 */
export function AddArgument({
  thesisId,
  parentId,
  stance,
  label,
  fieldLabel,
  initialBody,
}: {
  thesisId: string;
  parentId?: string;
  stance: StanceValue;
  label: string;
  fieldLabel: string;
  /** Opens the composer at once with this draft. */
  initialBody?: string;
}) {
  const [open, setOpen] = useState(initialBody !== undefined);
  const prepend = usePrependToColumn();
  const close = useCallback(() => setOpen(false), []);
  const done = useCallback(
    (state: FormState) => {
      setOpen(false);
      if (state.rendered && state.createdId) prepend?.(state.rendered, state.createdId);
    },
    [prepend],
  );
  return open ? (
    <ArgumentForm thesisId={thesisId} parentId={parentId} stance={stance} label={fieldLabel} initialBody={initialBody} onDone={done} onCancel={close} />
  ) : (
    <Button type="button" variant="secondary" className="w-full" onClick={() => setOpen(true)}>
      + {label}
    </Button>
  );
}
