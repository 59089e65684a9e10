"use client";

import { useState, type ReactNode } from "react";

export interface SideTab {
  stance: "PRO" | "CON";
  label: string;
  count: number;
  /** The address that opens this tab without JavaScript (`?tab=con`). */
  href: string;
}

/**
 * For and Against (or supports and rebuttals) side by side on wide screens; on phones (≤ 640 px) two tabs with
 * their counts. The tabs are links, so they work before and without JavaScript; with it, they switch in place
 * and keep the address in step (Back returns to the other tab).
 */
export function DebateSides({ tabs, initial, children }: { tabs: [SideTab, SideTab]; initial: "PRO" | "CON"; children: [ReactNode, ReactNode] }) {
  const [active, setActive] = useState(initial);
  return (
    <div>
      <div role="tablist" aria-label="Sides" className="mb-3 grid grid-cols-2 gap-1 rounded-lg bg-slate-200 p-1 sm:hidden">
        {tabs.map((tab) => (
          <a
            key={tab.stance}
            href={tab.href}
            role="tab"
            id={`tab-${tab.stance}`}
            aria-selected={active === tab.stance}
            aria-controls={`side-${tab.stance}`}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey) return;
              event.preventDefault();
              setActive(tab.stance);
              window.history.replaceState(window.history.state, "", tab.href);
            }}
            className={`rounded-md px-2 py-1.5 text-center text-sm font-semibold ${
              active === tab.stance ? `bg-white shadow-sm ${tab.stance === "PRO" ? "text-pro" : "text-con"}` : "text-slate-700"
            }`}
          >
            {tab.label} ({tab.count})
          </a>
        ))}
      </div>
      <div className="grid gap-6 sm:grid-cols-2">
        {tabs.map((tab, i) => (
          <div key={tab.stance} id={`side-${tab.stance}`} className={`min-w-0 ${active === tab.stance ? "" : "max-sm:hidden"}`} data-testid={`side-${tab.stance}`}>
            {children[i]}
          </div>
        ))}
      </div>
    </div>
  );
}
