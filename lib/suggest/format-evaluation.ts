import type { ClassMetrics, Evaluation, LabelComparison } from "./evaluate-model";

// The text `moddesk model evaluate` prints: per class, the model next to the majority baseline.

const pct = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);
const pad = (text: string, width: number) => text.padStart(width);

export function formatEvaluation(evaluation: Evaluation, source: string): string[] {
  return [
    `Evaluated on ${evaluation.trainSize + evaluation.heldOutSize} decisions (${source}): trained on the oldest ${evaluation.trainSize}, scored on the newest ${evaluation.heldOutSize}.`,
    "",
    ...formatComparison("Hide vs approve", evaluation.action),
    "",
    ...formatComparison("By reason (approve, or hide and why)", evaluation.reason),
  ];
}

function formatComparison(title: string, comparison: LabelComparison): string[] {
  const baseline = new Map(comparison.baseline.map((row) => [row.label, row]));
  return [
    `${title}: accuracy ${pct(comparison.accuracy)}, majority baseline (always ${comparison.baselineLabel}) ${pct(comparison.baselineAccuracy)}`,
    `  ${"class".padEnd(12)}${pad("support", 8)}${pad("precision", 11)}${pad("recall", 9)}   baseline${pad("precision", 11)}${pad("recall", 9)}`,
    ...comparison.model.map((row) => line(row, baseline.get(row.label))),
  ];
}

function line(row: ClassMetrics, baseline: ClassMetrics | undefined): string {
  return `  ${row.label.padEnd(12)}${pad(String(row.support), 8)}${pad(pct(row.precision), 11)}${pad(pct(row.recall), 9)}   ${"".padEnd(8)}${pad(pct(baseline?.precision ?? null), 11)}${pad(pct(baseline?.recall ?? null), 9)}`;
}
