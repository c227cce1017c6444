import { dominantScript } from "../dominant-script";
import { sigmoid, type LinearHead } from "./linear-model";

// Per-script calibration of a head. The corpus's Tamil-script comments are a third hostile (Latin
// ones a tenth), so a model trained on it partly learns the script itself: a clean Tamil comment
// scores higher than a clean Latin one for being Tamil. The trainer measures each script's clean
// comments (thread-grouped cross-validation) and stores, per head, a logit offset that brings the
// script's upper tail of clean scores down to the reference script's. Offsets only lower a score
// (at most 0): a script is never flagged more than the reference, and a comment whose uncalibrated
// score is under a threshold is under it calibrated too, so the script is only read for the few
// comments at or above one.

/** The script whose clean comments the others are calibrated to. */
export const REFERENCE_SCRIPT = "latin";

/** The head's logit offset for a script (dominant-script.ts names), 0 when it has none. */
export function scriptOffset(head: LinearHead, script: string): number {
  return head.scriptOffsets?.[script] ?? 0;
}

/** The head's probability for a logit, with the offset of the text's dominant script when it has one. */
export function calibratedProbability(head: LinearHead, logit: number, text: string): number {
  return head.scriptOffsets === undefined ? sigmoid(logit) : sigmoid(logit + scriptOffset(head, dominantScript(text)));
}

/** Whether calibration can matter for a score: only a head with offsets, scored at or above `threshold`. */
export function mayNeedCalibration(head: LinearHead, probability: number, threshold: number): boolean {
  return head.scriptOffsets !== undefined && probability >= threshold;
}

export interface CalibrationOptions {
  /** The upper share of clean comments whose scores are matched (the desk's clean-flag tolerance). */
  upperShare: number;
  /** Fewer clean comments of a script than this: too few to measure its tail; no offset. */
  minClean: number;
}

export const DEFAULT_CALIBRATION: CalibrationOptions = { upperShare: 0.05, minClean: 50 };

/** The logit exceeded by `share` of the values (the k-th highest, k = ceil(share × n)). */
export function upperQuantile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => b - a);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)]!;
}

/**
 * Per script, the offset (≤ 0) that moves its clean comments' upper-tail logit onto the reference
 * script's; scripts with too few clean comments, or a tail already at or below the reference's, get none.
 */
export function scriptOffsetsFromClean(
  cleanLogits: ReadonlyMap<string, readonly number[]>, options: CalibrationOptions = DEFAULT_CALIBRATION,
): Record<string, number> {
  const reference = cleanLogits.get(REFERENCE_SCRIPT);
  if (reference === undefined || reference.length < options.minClean) return {};
  const target = upperQuantile(reference, options.upperShare);
  const offsets: Record<string, number> = {};
  for (const [script, logits] of cleanLogits) {
    if (script === REFERENCE_SCRIPT || logits.length < options.minClean) continue;
    const offset = target - upperQuantile(logits, options.upperShare);
    if (offset < 0) offsets[script] = Math.round(offset * 1000) / 1000;
  }
  return offsets;
}
