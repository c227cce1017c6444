"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export interface BarSeries {
  key: string;
  label: string;
  color: string;
}

export type BarRow = { label: string } & Record<string, number | string>;

// Horizontal bars, one row per label, stacked series: categories, reasons, rules, moderators.
export function CountBarChart({ rows, series }: { rows: BarRow[]; series: BarSeries[] }) {
  const height = Math.max(120, 36 + rows.length * 30);
  return (
    <BarChart responsive layout="vertical" data={rows} style={{ width: "100%", height }} margin={{ top: 4, right: 12, bottom: 0, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
      <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11 }} />
      <Tooltip />
      {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
      {series.map((item) => (
        <Bar key={item.key} dataKey={item.key} name={item.label} stackId="count" fill={item.color} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
