import Link from "next/link";
import type { ResolvedRange } from "@/lib/insights/resolve-date-range";

const PRESETS = [
  { preset: "30d", label: "Last 30 days" },
  { preset: "90d", label: "Last 90 days" },
  { preset: "all", label: "All time" },
] as const;

// Plain links and a GET form: the range lives in the URL, so a view can be bookmarked and shared.
export function RangePicker({ range }: { range: ResolvedRange }) {
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="range-picker">
      <nav aria-label="Date range" className="flex flex-wrap gap-1">
        {PRESETS.map((item) => (
          <Link
            key={item.preset}
            href={`/insights?range=${item.preset}`}
            aria-current={range.preset === item.preset ? "page" : undefined}
            className={`inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium max-md:min-h-11 ${range.preset === item.preset ? "bg-slate-900 text-white" : "border border-slate-300 text-slate-700 hover:bg-slate-100"}`}
          >
            {item.label}
          </Link>
        ))}
      </nav>
      {/* Wraps at 360 px: two date fields and the button in one row pushed the page sideways. */}
      <form action="/insights" method="get" className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">From</span>
          <input type="date" name="from" defaultValue={range.from} className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">To</span>
          <input type="date" name="to" defaultValue={range.to} className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100">
          Show
        </button>
      </form>
    </div>
  );
}
