"use client";

import { useEffect } from "react";

/** Brings a permalinked argument into view once the page has rendered. */
export function ScrollToFocus({ elementId }: { elementId: string }) {
  useEffect(() => {
    const element = document.getElementById(elementId);
    element?.scrollIntoView({ block: "center" });
    element?.querySelector<HTMLElement>("[data-focus-target]")?.focus({ preventScroll: true });
  }, [elementId]);
  return null;
}
