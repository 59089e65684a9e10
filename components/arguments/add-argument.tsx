"use client";

import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { ArgumentForm } from "./argument-form";
import type { StanceValue } from "./stance";

/** "Add an argument for/against" button that opens the composer for a top-level argument. */
export function AddArgument({ thesisId, stance }: { thesisId: string; stance: StanceValue }) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const label = stance === "PRO" ? "Add an argument for" : "Add an argument against";
  return open ? (
    <ArgumentForm thesisId={thesisId} stance={stance} label={stance === "PRO" ? "Your argument for the thesis" : "Your argument against the thesis"} onDone={close} />
  ) : (
    <Button type="button" variant="secondary" className="w-full" onClick={() => setOpen(true)}>
      + {label}
    </Button>
  );
}
