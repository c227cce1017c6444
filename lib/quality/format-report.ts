import type { ErrorExample } from "@/lib/detect/quality/error-examples";
import type { QualityReport } from "@/lib/detect/quality/evaluate-labelled";
import type { HateCheckReport } from "@/lib/detect/quality/hatecheck";
import type { Share, SliceFigures } from "@/lib/detect/quality/metrics";
import type { CurvePoint } from "@/lib/detect/quality/threshold-curve";
import type { RuleSplit } from "@/lib/detect/quality/rule-split";

// Plain-text tables of the quality evaluation for the terminal: the splits side by side.

export function formatNumber(value: number | null): string {
  return value === null ? "–" : value.toFixed(2);
}

export function formatShare(figure: Share): string {
  return `${formatNumber(figure.value)} (${figure.hits}/${figure.total})`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

type Labelled = { split: RuleSplit; report: QualityReport };

function sliceRows(prefix: string, slices: { split: RuleSplit; figures: SliceFigures }[]): string[][] {
  const rows: string[][] = [
    [`${prefix}hostile recall`, ...slices.map(({ figures }) => formatShare(figures.hostileRecall))],
    [`${prefix}clean comments flagged`, ...slices.map(({ figures }) => formatShare(figures.cleanFlagRate))],
  ];
  if (prefix === "") rows.splice(1, 0, ["hostile precision", ...slices.map(({ figures }) => formatShare(figures.hostilePrecision))]);
  return rows;
}

/** The figures of each split side by side, then the detail (confusion, rules, errors) of the last split given. */
export function formatQualityReports(reports: Labelled[], options: { source: string; errors: number }): string {
  const header = ["", ...reports.map(({ split, report }) => `${split} (${report.ruleCount} rules)`)];
  const first = reports[0]!.report;
  const rows: string[][] = [...sliceRows("", reports.map(({ split, report }) => ({ split, figures: report.all })))];
  for (const category of first.all.categories.map((figures) => figures.category)) {
    rows.push([`${category.toLowerCase()} P / R / F1`, ...reports.map(({ report }) => {
      const figures = report.all.categories.find((entry) => entry.category === category)!;
      return `${formatNumber(figures.precision)} / ${formatNumber(figures.recall)} / ${formatNumber(figures.f1)}  (${figures.correct}/${figures.flagged}/${figures.labelled})`;
    })]);
  }
  rows.push(...sliceRows("without borderline: ", reports.map(({ split, report }) => ({ split, figures: report.withoutBorderline }))));
  for (const { lang } of first.byScript) {
    rows.push(...sliceRows(`script ${lang}: `, reports.map(({ split, report }) => ({ split, figures: report.byScript.find((slice) => slice.lang === lang)!.figures }))));
  }
  const detail = reports.at(-1)!;
  const sections = [
    `${options.source}: ${first.all.comments} labelled comments (${first.all.hostileRecall.total} hostile, ${first.all.cleanFlagRate.total} clean). P / R / F1 (correct/flagged/labelled).`,
    table(header, rows),
    `\nConfusion (${detail.split}): rows are labels, columns the flagged categories; a comment counts in each of its labels and flags.`,
    table(["", ...detail.report.confusion.columns.map((column) => column.toLowerCase())], detail.report.confusion.rows.map((row, index) => [row, ...detail.report.confusion.counts[index]!.map(String)])),
    `\nRules (${detail.split}), each on its own category ("only this rule": correct flags no other rule of the category raised):`,
    table(["rule", "category", "fired", "precision", "recall", "clean flagged", "only this rule"], detail.report.rules.map((rule) => [
      `${rule.name}${rule.isModel ? " (model)" : ""}`, rule.category.toLowerCase(), String(rule.fired), formatShare(rule.precision), formatShare(rule.recall), String(rule.cleanFlagged), String(rule.soleCorrect),
    ])),
  ];
  if (options.errors > 0) {
    sections.push(formatErrors(`Misses (${detail.split})`, detail.report.misses, options.errors));
    sections.push(formatErrors(`False flags (${detail.split})`, detail.report.falseFlags, options.errors));
  }
  return sections.join("\n");
}

function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function formatErrors(title: string, examples: ErrorExample[], limit: number): string {
  const lines = [`\n${title}: ${examples.length}${examples.length > limit ? `, the first ${limit}` : ""}`];
  for (const example of examples.slice(0, limit)) {
    const labels = example.record.labels.length > 0 ? example.record.labels.join("+") : "clean";
    lines.push(`- ${example.record.id} [${labels}${example.record.borderline ? ", borderline" : ""}, ${example.record.lang}] ${example.categories.map((category) => category.toLowerCase()).join("+")}: ${oneLine(example.record.text)}`);
    for (const fired of example.fired) lines.push(`    ${fired.rule} (${fired.category.toLowerCase()}): ${fired.reason}${fired.matched.length > 0 ? ` [${fired.matched.map((text) => `"${oneLine(text, 40)}"`).join(", ")}]` : ""}`);
  }
  return lines.join("\n");
}

/** HateCheck: the overall figures per split, then % right per functionality side by side. */
export function formatHateCheckReports(reports: { split: RuleSplit; report: HateCheckReport }[], options: { suite: string; errors: number }): string {
  const header = ["", ...reports.map(({ split }) => split)];
  const rows = [
    ["cases right", ...reports.map(({ report }) => formatShare(report.right))],
    ["hateful caught (recall)", ...reports.map(({ report }) => formatShare(report.hatefulRecall))],
    ["non-hateful flagged", ...reports.map(({ report }) => formatShare(report.nonHatefulFlagged))],
  ];
  const functionalityRows = reports[0]!.report.functionalities.map(({ functionality, isHateful }) => [
    `${functionality} (${isHateful ? "hateful" : "non-hateful"})`,
    ...reports.map(({ report }) => formatShare(report.functionalities.find((entry) => entry.functionality === functionality)!.right)),
  ]);
  const detail = reports.at(-1)!;
  const sections = [`HateCheck ${options.suite}: a hateful case is right when caught (nationalist or abusive flag), a non-hateful one when not.`, table(header, rows), "\nRight per functionality:", table(["functionality", ...header.slice(1)], functionalityRows)];
  if (options.errors > 0) {
    const wrong = detail.report.wrong.slice(0, options.errors);
    sections.push(`\nWrong (${detail.split}): ${detail.report.wrong.length}${detail.report.wrong.length > options.errors ? `, the first ${options.errors}` : ""}`);
    for (const { testCase, fired } of wrong) {
      sections.push(`- ${testCase.id} ${testCase.functionality}: ${oneLine(testCase.text)}${fired.length > 0 ? `  <- ${fired.map((rule) => `${rule.rule}: ${rule.reason}`).join("; ")}` : ""}`);
    }
  }
  return sections.join("\n");
}

/** Hostile recall at the clean-flag rate as the model rules' threshold moves. */
export function formatCurve(curve: CurvePoint[], source: string): string {
  const rows = curve.map((point) => [
    point.threshold.toFixed(2), formatShare(point.model.hostileRecall), formatShare(point.model.cleanFlagRate), formatShare(point.both.hostileRecall), formatShare(point.both.cleanFlagRate),
  ]);
  return [
    `${source}: every model rule's threshold set to each value in turn (the hand-written rules unchanged).`,
    table(["threshold", "model: hostile recall", "model: clean flagged", "both: hostile recall", "both: clean flagged"], rows),
  ].join("\n");
}
