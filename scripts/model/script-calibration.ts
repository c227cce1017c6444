// The trainer's per-script calibration (lib/detect/classifier/script-calibration.ts): offsets
// measured on the clean dev comments' cross-validated scores, and the same scores with them applied,
// so thresholds are chosen, and figures printed, as the shipped model will score.
import { dominantScript } from "@/lib/detect/dominant-script";
import { MODEL_HEADS, sigmoid, type ModelHead } from "@/lib/detect/classifier/linear-model";
import { scriptOffsetsFromClean } from "@/lib/detect/classifier/script-calibration";
import type { LabelledText } from "./training-sources";
import type { ScoredRecord } from "./cv-figures";

export type ScriptOffsets = Record<ModelHead, Record<string, number>>;

const KEY: Record<ModelHead, "nationalist" | "abusive"> = { NATIONALIST: "nationalist", ABUSIVE: "abusive" };
const logit = (p: number) => { const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9); return Math.log(q / (1 - q)); };

/** Per head, the offsets that bring each script's clean CV scores down to Latin's. */
export function measureScriptOffsets(dev: readonly LabelledText[], scored: readonly ScoredRecord[]): ScriptOffsets {
  const scripts = dev.map((item) => dominantScript(item.text));
  const offsets = {} as ScriptOffsets;
  for (const head of MODEL_HEADS) {
    const clean = new Map<string, number[]>();
    scored.forEach((record, index) => {
      if (!record.isClean) return;
      const list = clean.get(scripts[index]!) ?? [];
      list.push(logit(record[KEY[head]]));
      clean.set(scripts[index]!, list);
    });
    offsets[head] = scriptOffsetsFromClean(clean);
  }
  return offsets;
}

/** The CV scores as the calibrated model gives them. */
export function applyScriptOffsets(dev: readonly LabelledText[], scored: readonly ScoredRecord[], offsets: ScriptOffsets): ScoredRecord[] {
  return scored.map((record, index) => {
    const script = dominantScript(dev[index]!.text);
    const shifted = { ...record };
    for (const head of MODEL_HEADS) {
      const offset = offsets[head][script] ?? 0;
      if (offset !== 0) shifted[KEY[head]] = sigmoid(logit(record[KEY[head]]) + offset);
    }
    return shifted;
  });
}

export function describeOffsets(offsets: ScriptOffsets): string {
  const parts = MODEL_HEADS.flatMap((head) => Object.entries(offsets[head]).map(([script, offset]) => `${head.toLowerCase()} ${script} ${offset.toFixed(2)}`));
  return parts.length === 0 ? "none" : parts.join(", ");
}
