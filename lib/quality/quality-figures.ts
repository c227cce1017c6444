import type { QualityReport } from "@/lib/detect/quality/evaluate-labelled";
import type { HateCheckReport } from "@/lib/detect/quality/hatecheck";
import type { RuleCategory } from "@/lib/detect/types";

/** One figure CI holds: higher is better ("min": a floor) or lower is better ("max": a ceiling). */
export interface QualityFigure {
  key: string;
  label: string;
  direction: "min" | "max";
  /** null: not measurable here (nothing flagged for a precision, nothing labelled for a recall). */
  value: number | null;
}

export interface RecordedFloor {
  direction: "min" | "max";
  value: number;
}

export type FloorsFile = {
  about: string;
  figures: Record<string, RecordedFloor>;
  /** Shares right on the project's written cases (lib/quality/guideline-cases.ts), held by npm test. */
  writtenCases: { groups: Record<string, number>; evasion: number };
};

/** Issue 12's targets, printed beside the floors for orientation; CI holds the floors, not these. */
export const QUALITY_TARGETS: Record<string, number> = {
  "test.hostileRecall": 0.5,
  "test.cleanFlagRate": 0.05,
  "test.offTopic.precision": 0.7,
  "hatecheck-en.right": 0.75,
  "hatecheck-en.worstFunctionality": 0.5,
  "hatecheck-hi.right": 0.65,
  "hatecheck-hi.worstFunctionality": 0.5,
};

const category = (report: QualityReport, name: RuleCategory) => report.all.categories.find((figures) => figures.category === name)!;
const script = (report: QualityReport, lang: string) => report.byScript.find((slice) => slice.lang === lang)?.figures;

/** The corpus figures CI holds, from the evaluation of every enabled rule ("both") on a split. */
export function corpusFigures(prefix: string, report: QualityReport): QualityFigure[] {
  const figure = (key: string, label: string, direction: "min" | "max", value: number | null | undefined): QualityFigure => ({ key: `${prefix}.${key}`, label: `${prefix}: ${label}`, direction, value: value ?? null });
  return [
    figure("hostileRecall", "hostile recall", "min", report.all.hostileRecall.value),
    figure("cleanFlagRate", "clean comments flagged", "max", report.all.cleanFlagRate.value),
    figure("withoutBorderline.hostileRecall", "hostile recall without borderline", "min", report.withoutBorderline.hostileRecall.value),
    figure("withoutBorderline.cleanFlagRate", "clean flagged without borderline", "max", report.withoutBorderline.cleanFlagRate.value),
    figure("latin.hostileRecall", "hostile recall, Latin script", "min", script(report, "latin")?.hostileRecall.value),
    figure("latin.cleanFlagRate", "clean flagged, Latin script", "max", script(report, "latin")?.cleanFlagRate.value),
    figure("ta.hostileRecall", "hostile recall, Tamil", "min", script(report, "ta")?.hostileRecall.value),
    figure("ta.cleanFlagRate", "clean flagged, Tamil", "max", script(report, "ta")?.cleanFlagRate.value),
    figure("nationalist.f1", "nationalist F1", "min", category(report, "NATIONALIST").f1),
    figure("abusive.f1", "abusive F1", "min", category(report, "ABUSIVE").f1),
    figure("offTopic.precision", "off-topic precision", "min", category(report, "OFF_TOPIC").precision),
    figure("offTopic.recall", "off-topic recall", "min", category(report, "OFF_TOPIC").recall),
    figure("spam.recall", "spam recall", "min", category(report, "SPAM").recall),
    figure("spam.flagged", "comments flagged as spam (share)", "max", category(report, "SPAM").flagged / Math.max(1, report.all.comments)),
  ];
}

export function hateCheckFigures(prefix: string, report: HateCheckReport): QualityFigure[] {
  const worst = Math.min(...report.functionalities.map((entry) => entry.right.value ?? 1));
  return [
    { key: `${prefix}.right`, label: `${prefix}: cases right`, direction: "min", value: report.right.value },
    { key: `${prefix}.hatefulRecall`, label: `${prefix}: hateful recall`, direction: "min", value: report.hatefulRecall.value },
    { key: `${prefix}.nonHatefulFlagged`, label: `${prefix}: non-hateful flagged`, direction: "max", value: report.nonHatefulFlagged.value },
    { key: `${prefix}.worstFunctionality`, label: `${prefix}: worst functionality's share right`, direction: "min", value: Number.isFinite(worst) ? worst : null },
  ];
}

// Figures are recorded to 4 decimals; comparing at that precision keeps a re-recorded floor passing.
const round = (value: number) => Math.round(value * 10_000) / 10_000;

export interface FloorCheck {
  figure: QualityFigure;
  floor: RecordedFloor | undefined;
  outcome: "pass" | "fail" | "unrecorded" | "unmeasured";
}

/** Each figure against its recorded floor (min) or ceiling (max); a figure without a floor is reported, never failed. */
export function checkFloors(figures: readonly QualityFigure[], floors: FloorsFile["figures"]): FloorCheck[] {
  return figures.map((figure) => {
    const floor = floors[figure.key];
    if (!floor) return { figure, floor, outcome: "unrecorded" };
    if (figure.value === null) return { figure, floor, outcome: "unmeasured" };
    const value = round(figure.value);
    const isWorse = floor.direction === "min" ? value < floor.value : value > floor.value;
    return { figure, floor, outcome: isWorse ? "fail" : "pass" };
  });
}

/** The floors file recording every measurable figure as it stands. */
export function floorsFromFigures(figures: readonly QualityFigure[], about: string, writtenCases: FloorsFile["writtenCases"]): FloorsFile {
  const recorded: FloorsFile["figures"] = {};
  for (const figure of figures) if (figure.value !== null) recorded[figure.key] = { direction: figure.direction, value: round(figure.value) };
  const groups = Object.fromEntries(Object.entries(writtenCases.groups).map(([name, share]) => [name, round(share)]));
  return { about, figures: recorded, writtenCases: { groups, evasion: round(writtenCases.evasion) } };
}
