import Link from "next/link";
import type { QueueCounts } from "@/lib/moderation/count-queue-tabs";
import { QUEUE_TABS, type QueueTab } from "@/lib/moderation/schemas";

const LABEL: Record<QueueTab, string> = { flagged: "Flagged", reported: "Reported", pending: "Pending", approved: "Approved", hidden: "Hidden", all: "All" };

/** Tabs keep the filters; switching tab starts again at the first page. */
export function QueueTabs({ tab, counts, filterQuery }: { tab: QueueTab; counts: QueueCounts; filterQuery: string }) {
  return (
    <nav aria-label="Queue tabs" className="flex flex-wrap gap-1 border-b border-slate-200">
      {QUEUE_TABS.map((name) => (
        <Link
          key={name}
          href={`/queue?tab=${name}${filterQuery ? `&${filterQuery}` : ""}`}
          aria-current={name === tab ? "page" : undefined}
          data-testid={`tab-${name}`}
          className={`-mb-px inline-flex items-center border-b-2 px-3 py-2 max-md:min-h-11 text-sm font-medium ${name === tab ? "border-slate-900 text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800"}`}
        >
          {LABEL[name]} <span className="ml-1 rounded-full bg-slate-100 px-2 text-xs tabular-nums" data-testid={`tab-count-${name}`}>{counts[name]}</span>
        </Link>
      ))}
    </nav>
  );
}
