"use client";

import { createContext, useCallback, useContext, useRef, useState, useTransition, type ReactNode } from "react";
import { moderateAction } from "@/server/actions/moderation-actions";
import { initialFormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";

/** What was just done, and the fields of its inverse act when the rules let this moderator undo it. */
export interface Confirmation {
  message: string;
  undo: Record<string, string> | null;
  ok: boolean;
}

const ConfirmContext = createContext<(confirmation: Confirmation) => void>(() => {});

/** Lets a review card report what its act did, in the region above the queue. */
export const useConfirm = () => useContext(ConfirmContext);

/**
 * The review queue's confirmation ("Hidden. Undo"). It lives above the list, not in the card, because the
 * card usually leaves the list with its act (a resolved item is no longer pending); focus moves here so that
 * keyboard users are not dropped at the top of the page and can reach Undo at once. An undo is the inverse act
 * (restore, unlock, lift the suspension), checked and logged on the server like any other.
 */
export function ModerationConfirmations({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<Confirmation | null>(null);
  const [pending, startTransition] = useTransition();
  const region = useRef<HTMLDivElement>(null);
  const confirm = useCallback((confirmation: Confirmation) => {
    setShown(confirmation);
    requestAnimationFrame(() => region.current?.focus());
  }, []);
  const undo = (fields: Record<string, string>) =>
    startTransition(async () => {
      const formData = new FormData();
      for (const [name, value] of Object.entries(fields)) formData.set(name, value);
      const result = await moderateAction(initialFormState, formData);
      setShown({ message: result.ok ? (result.message ?? "Undone.") : `Not undone: ${result.message}`, undo: null, ok: !!result.ok });
    });
  return (
    <ConfirmContext.Provider value={confirm}>
      <div
        ref={region}
        tabIndex={-1}
        role="status"
        data-testid="moderation-confirmation"
        className={shown ? `flex flex-wrap items-center gap-3 rounded-md px-3 py-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-blue-600 ${shown.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}` : ""}
      >
        {shown && (
          <>
            <span>{shown.message}</span>
            {shown.undo && (
              <Button type="button" variant="secondary" disabled={pending} onClick={() => undo(shown.undo!)}>
                {pending ? "Undoing…" : "Undo"}
              </Button>
            )}
          </>
        )}
      </div>
      {children}
    </ConfirmContext.Provider>
  );
}
