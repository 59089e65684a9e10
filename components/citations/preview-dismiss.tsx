"use client";

import { useEffect } from "react";

/**
 * Footnote previews open on hover and on focus with CSS alone (argument-body.tsx). WCAG 1.4.13 also asks that
 * they can be dismissed without moving the pointer or focus: Escape marks the open previews dismissed
 * (globals.css hides them) until the pointer or focus leaves that reference.
 */
export function CitationPreviewDismiss() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      for (const cite of document.querySelectorAll<HTMLElement>(".cite:hover, .cite:focus-within")) cite.dataset.dismissed = "";
    };
    const onLeave = (event: FocusEvent | MouseEvent) => {
      const cite = (event.target as Element | null)?.closest?.<HTMLElement>(".cite");
      if (cite && !cite.contains(event.relatedTarget as Node | null)) delete cite.dataset.dismissed;
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("focusout", onLeave);
    document.addEventListener("mouseout", onLeave);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("focusout", onLeave);
      document.removeEventListener("mouseout", onLeave);
    };
  }, []);
  return null;
}
