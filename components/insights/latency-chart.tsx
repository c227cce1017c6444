"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { LatencyPoint } from "@/lib/insights/decision-latency";

const toHours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 10) / 10);

// Median and 90th percentile of import → decision, in hours, per day the comments were posted.
export function LatencyChart({ points }: { points: LatencyPoint[] }) {
  const data = points.map((point) => ({ day: point.day, median: toHours(point.medianSeconds), p90: toHours(point.p90Seconds) }));
  return (
    <LineChart responsive data={data} style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={24} />
      <YAxis tick={{ fontSize: 11 }} unit=" h" />
      <Tooltip />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Line dataKey="median" name="Median" stroke="#0f172a" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      <Line dataKey="p90" name="90th percentile" stroke="#94a3b8" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
    </LineChart>
  );
}
