"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";

/**
 * Kialo's gesture: a click on a card's background opens it as the focus. Links, buttons, form fields, citation
 * previews and a text selection keep their own meaning; keyboard users have the card's links ("N replies",
 * "Read more", "Open").
 */
export function OpenOnClick({ href, children }: { href: string; children: ReactNode }) {
  const router = useRouter();
  return (
    <div
      className="cursor-pointer"
      onClick={(event) => {
        const target = event.target as HTMLElement;
        if (target.closest("a, button, input, textarea, select, label, summary, details, form, [role=tooltip], [role=dialog]")) return;
        if (window.getSelection()?.toString()) return;
        router.push(href);
      }}
    >
      {children}
    </div>
  );
}
