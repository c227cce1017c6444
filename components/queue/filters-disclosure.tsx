"use client";

import { useState } from "react";

/**
 * On a phone the filter form took the whole first screen and pushed the first comment below the fold:
 * below 768 px it folds behind one button that says how many filters are on. Wider screens always show it.
 */
export function FiltersDisclosure({ activeCount, children }: { activeCount: number; children: React.ReactNode }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls="queue-filter-panel"
        onClick={() => setIsOpen((open) => !open)}
        className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium md:hidden"
        data-testid="filters-toggle"
      >
        {activeCount > 0 ? `Filters (${activeCount} active)` : "Filters"}
      </button>
      <div id="queue-filter-panel" className={`${isOpen ? "mt-2 block" : "hidden"} md:mt-0 md:block`}>
        {children}
      </div>
    </div>
  );
}
