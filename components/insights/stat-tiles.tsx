import { formatDuration, formatShare } from "@/lib/insights/format-figures";
import type { LatencyFigures } from "@/lib/insights/decision-latency";
import type { QueuePoint } from "@/lib/insights/queue-over-time";

// Headline numbers: totals of the per-day series the chart draws, and the latency percentiles.
export function StatTiles({ queue, latency }: { queue: QueuePoint[]; latency: LatencyFigures }) {
  const sum = (key: keyof Omit<QueuePoint, "day">) => queue.reduce((total, point) => total + point[key], 0);
  const posted = sum("posted");
  const tiles = [
    { label: "Comments posted", value: String(posted) },
    { label: "Still pending", value: String(sum("pending")) },
    { label: "Flagged by rules", value: `${sum("flagged")} (${formatShare(posted ? sum("flagged") / posted : null)})` },
    { label: "Hidden", value: `${sum("hidden")} (${formatShare(posted ? sum("hidden") / posted : null)})` },
    { label: "Import → decision, median", value: formatDuration(latency.medianSeconds) },
    { label: "Import → decision, 90th pct", value: formatDuration(latency.p90Seconds) },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="stat-tiles">
      {tiles.map((tile) => (
        <div key={tile.label} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <dt className="text-xs text-slate-500">{tile.label}</dt>
          <dd className="mt-1 text-lg font-semibold">{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
