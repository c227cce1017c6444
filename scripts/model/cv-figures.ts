// Figures for a set of scored corpus records: hostile recall and clean-flag rate at thresholds,
// per script and with/without borderline, plus the threshold search the trainer uses.

export interface ScoredRecord {
  nationalist: number;
  abusive: number;
  isHostile: boolean;
  /** No label at all (the corpus README's "clean"). */
  isClean: boolean;
  lang: string;
  borderline: boolean;
}

export interface Thresholds {
  nationalist: number;
  abusive: number;
}

export interface Rates {
  hostile: number;
  caught: number;
  clean: number;
  flaggedClean: number;
}

export function isFlagged(record: ScoredRecord, t: Thresholds): boolean {
  return record.nationalist >= t.nationalist || record.abusive >= t.abusive;
}

export function rates(records: readonly ScoredRecord[], t: Thresholds): Rates {
  const out = { hostile: 0, caught: 0, clean: 0, flaggedClean: 0 };
  for (const record of records) {
    const flagged = isFlagged(record, t);
    if (record.isHostile) { out.hostile++; if (flagged) out.caught++; }
    if (record.isClean) { out.clean++; if (flagged) out.flaggedClean++; }
  }
  return out;
}

/** Best hostile recall with at most `budget` of clean records flagged, over a grid of both thresholds. */
export function chooseThresholds(records: readonly ScoredRecord[], budget: number): Thresholds {
  const cleanScores = (key: "nationalist" | "abusive") =>
    records.filter((r) => r.isClean).map((r) => r[key]).sort((a, b) => b - a);
  const candidates = (key: "nationalist" | "abusive") => {
    const sorted = cleanScores(key);
    // Thresholds just above the k-th highest clean score: the only places the clean rate changes.
    const limit = Math.ceil(budget * sorted.length) + 1;
    return [...new Set(sorted.slice(0, limit).map((s) => Math.min(0.999, s + 1e-6)))].concat([0.999]);
  };
  let best: { t: Thresholds; caught: number; flagged: number } | null = null;
  for (const nationalist of candidates("nationalist")) {
    for (const abusive of candidates("abusive")) {
      const t = { nationalist, abusive };
      const r = rates(records, t);
      if (r.flaggedClean > budget * r.clean) continue;
      if (best === null || r.caught > best.caught || (r.caught === best.caught && r.flaggedClean < best.flagged)) {
        best = { t, caught: r.caught, flagged: r.flaggedClean };
      }
    }
  }
  return best?.t ?? { nationalist: 0.999, abusive: 0.999 };
}

function pct(part: number, whole: number): string {
  return whole === 0 ? "   -  " : `${(part / whole).toFixed(3)} (${part}/${whole})`;
}

/** Lines: all, per script, and without borderline records. */
export function figureLines(records: readonly ScoredRecord[], t: Thresholds): string[] {
  const groups: [string, readonly ScoredRecord[]][] = [
    ["all", records],
    ["latin", records.filter((r) => r.lang === "latin")],
    ["ta", records.filter((r) => r.lang === "ta")],
    ["hi-deva", records.filter((r) => r.lang === "hi-deva")],
    ["all, no borderline", records.filter((r) => !r.borderline)],
  ];
  return groups.filter(([, group]) => group.length > 0).map(([name, group]) => {
    const r = rates(group, t);
    return `  ${name.padEnd(20)} hostile recall ${pct(r.caught, r.hostile).padEnd(18)} clean flagged ${pct(r.flaggedClean, r.clean)}`;
  });
}

/** Area under the ROC curve of max(nationalist, abusive) for hostile vs clean: threshold-free. */
export function hostileAuc(records: readonly ScoredRecord[]): number {
  const positives = records.filter((r) => r.isHostile).map((r) => Math.max(r.nationalist, r.abusive));
  const negatives = records.filter((r) => r.isClean).map((r) => Math.max(r.nationalist, r.abusive));
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return positives.length * negatives.length === 0 ? 0 : wins / (positives.length * negatives.length);
}
