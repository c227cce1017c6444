"use client";

import Link from "next/link";
import type { QueueCounts } from "@/lib/moderation/count-queue-tabs";
import { QUEUE_TABS, type QueueTab } from "@/lib/moderation/schemas";

const LABEL: Record<QueueTab, string> = { flagged: "Flagged", reported: "Reported", pending: "Pending", approved: "Approved", hidden: "Hidden", all: "All" };

/**
 * On a phone the tabs are one row that scrolls sideways (three wrapped rows pushed the first comment
 * down). The current tab is scrolled into view when it is past the right edge, and no further, so the
 * tabs before it stay in sight where they fit.
 */
function showCurrentTab(nav: HTMLElement | null): void {
  const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
  if (!nav || !current) return;
  const past = current.offsetLeft - nav.offsetLeft + current.offsetWidth - nav.clientWidth;
  if (past > 0) nav.scrollLeft = past + 24;
}

/** Tabs keep the filters; switching tab starts again at the first page. */
export function QueueTabs({ tab, counts, filterQuery }: { tab: QueueTab; counts: QueueCounts; filterQuery: string }) {
  return (
    <nav ref={showCurrentTab} aria-label="Queue tabs" className="flex gap-1 border-b border-slate-200 max-md:overflow-x-auto md:flex-wrap">
      {QUEUE_TABS.map((name) => (
        <Link
          key={name}
          href={`/queue?tab=${name}${filterQuery ? `&${filterQuery}` : ""}`}
          aria-current={name === tab ? "page" : undefined}
          data-testid={`tab-${name}`}
          className={`inline-flex shrink-0 md:-mb-px items-center border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap max-md:min-h-11 ${name === tab ? "border-slate-900 text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800"}`}
        >
          {LABEL[name]} <span className="ml-1 rounded-full bg-slate-100 px-2 text-xs tabular-nums" data-testid={`tab-count-${name}`}>{counts[name]}</span>
        </Link>
      ))}
    </nav>
  );
}
