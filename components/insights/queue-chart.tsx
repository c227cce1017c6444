"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { QueuePoint } from "@/lib/insights/queue-over-time";

// Comments per day by where they stand now (stacked), and how many a rule flagged (line).
export function QueueChart({ points }: { points: QueuePoint[] }) {
  return (
    <ComposedChart responsive data={points} style={{ width: "100%", height: 280 }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={24} />
      <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
      <Tooltip />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="approved" name="Approved" stackId="status" fill="#16a34a" isAnimationActive={false} />
      <Bar dataKey="hidden" name="Hidden" stackId="status" fill="#dc2626" isAnimationActive={false} />
      <Bar dataKey="pending" name="Pending" stackId="status" fill="#f59e0b" isAnimationActive={false} />
      <Line dataKey="flagged" name="Flagged" type="monotone" stroke="#4f46e5" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
    </ComposedChart>
  );
}
