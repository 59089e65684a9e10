"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { revokeApiTokenAction } from "@/server/actions/api-token-actions";
import { initialFormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/**
 * Revoke, then confirm: one stray click must not break a member's integrations. Focus moves to the
 * confirmation and back, and to the outcome once the row shows the token as revoked.
 */
export function RevokeTokenButton({ tokenId, tokenName, revoked }: { tokenId: string; tokenName: string; revoked: boolean }) {
  const [state, action, pending] = useActionState(revokeApiTokenAction, initialFormState);
  const [step, setStep] = useState<"idle" | "confirm" | "cancelled">("idle");
  const outcome = useRef<HTMLParagraphElement>(null);
  const justRevoked = revoked && state.ok;
  useEffect(() => {
    if (justRevoked) outcome.current?.focus();
  }, [justRevoked]);

  if (revoked) {
    return justRevoked ? (
      <p ref={outcome} tabIndex={-1} role="status" className="text-sm text-slate-700">
        {state.message}
      </p>
    ) : null;
  }
  if (step !== "confirm") {
    return (
      <div className="space-y-1">
        <Button type="button" variant="secondary" autoFocus={step === "cancelled"} onClick={() => setStep("confirm")}>
          Revoke<span className="sr-only"> {tokenName}</span>
        </Button>
        <FormMessage state={state} />
      </div>
    );
  }
  return (
    <form
      action={action}
      className="space-y-2"
      onKeyDown={(e) => {
        if (e.key === "Escape") setStep("cancelled");
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <p className="text-sm text-slate-800">Revoke &ldquo;{tokenName}&rdquo;? Anything using it stops working at once.</p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" autoFocus disabled={pending}>
          {pending ? "Revoking…" : "Yes, revoke"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setStep("cancelled")}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
