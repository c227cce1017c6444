// Thread-grouped cross-validation of the base classifier on the corpus dev split, shared by the
// trainer (scripts/train-base-model.ts) and the pack's grouped-CV figures (scripts/model/pack-cv.ts):
// the training variants, their rows, and each dev record's held-out scores.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from "@/lib/detect/classifier/feature-config";
import { featurizeText } from "@/lib/detect/classifier/classify-text";
import { headLogit, sigmoid, type LinearModel } from "@/lib/detect/classifier/linear-model";
import { HashedFeatures } from "@/lib/detect/classifier/hash-features";
import { DEFAULT_TRAIN_OPTIONS, trainLinearModel, type TrainOptions, type TrainingRow } from "@/lib/detect/classifier/train-linear";
import { TARGET_GROUP_TERMS } from "@/lib/rules/default-pack-targets";
import { readCorpus, readDavidson, readMlma, readRuhsold, readTrac1, type LabelledText } from "./training-sources";
import { writtenCleanRows } from "./written-clean-rows";
import type { ScoredRecord } from "./cv-figures";
import { FOLDS, foldOfThread } from "./thread-folds";
import { applyScriptOffsets, measureScriptOffsets, type ScriptOffsets } from "./script-calibration";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const corpusDir = process.env.MODDESK_CORPUS ?? path.join(repo, "..", "shared", "corpus");
export const datasetsDir = process.env.MODDESK_DATASETS ?? path.join(repo, "..", "shared", "datasets");

export interface Variant {
  name: string;
  features: FeatureConfig;
  sources: readonly string[];
  /** Weight of a corpus row relative to a dataset row (the corpus is in-domain and small). */
  corpusWeight: number;
  cagTarget: number;
  /** Weigh each script's clean corpus rows so its hostile share matches Latin's (see corpusRows). */
  balanceScripts: boolean;
  /** Measure and apply per-script offsets (scripts/model/script-calibration.ts); measured, not shipped (docs/model.md). */
  calibrateScripts: boolean;
  /** Public sources whose ABUSIVE targets also train the NATIONALIST head (see externalTargets). */
  nationalistFromAbusive: readonly string[];
  /** Weight of a public source's rows (absent: 1): domain weighting, TRAC-1 is the closest to news comments. */
  sourceWeights?: Readonly<Record<string, number>>;
  /**
   * How public rows train the NATIONALIST head: "source" as each source labels it (below), or "group":
   * an abusive row that names a people, state or religion is 1, a non-abusive row 0 (naming a group or
   * not), any other row unknown (see groupTargets).
   */
  nationalistTargets?: "source" | "group";
  train: TrainOptions;
}

export const BASE: Variant = {
  name: "word+char2-5, 2^18, all sources",
  features: DEFAULT_FEATURE_CONFIG,
  sources: ["davidson", "ruhsold", "trac1", "mlma", "corpus"],
  corpusWeight: 25,
  cagTarget: Number.NaN,
  balanceScripts: false,
  calibrateScripts: false,
  nationalistFromAbusive: [],
  // TRAC-1 (Indian Facebook comments) is the public data closest to the corpus: weighed up, the ABUSIVE
  // head ranks dev-CV Latin hostility better (AUC 0.76 -> 0.79); the NATIONALIST head learns group-directed
  // abuse instead of the topic words of RUHSOLD's and MLMA's group labels (AUC 0.49 -> 0.73). docs/model.md.
  sourceWeights: { trac1: 8 },
  nationalistTargets: "group",
  train: DEFAULT_TRAIN_OPTIONS,
};

export function requireFile(file: string): string {
  if (!existsSync(file)) throw new Error(`missing ${file}: set MODDESK_CORPUS / MODDESK_DATASETS to the shared data folders`);
  return file;
}

export function readDev(): LabelledText[] {
  return readCorpus(requireFile(path.join(corpusDir, "dev.jsonl")));
}

function loadSource(name: string, cagTarget: number): LabelledText[] {
  switch (name) {
    case "davidson": return readDavidson(requireFile(path.join(datasetsDir, "davidson-hate-offensive")));
    case "ruhsold": return readRuhsold(requireFile(path.join(datasetsDir, "ruhsold-roman-urdu")));
    case "trac1": return readTrac1(requireFile(path.join(corpusDir, "raw", "trac1")), cagTarget);
    case "mlma": return readMlma(requireFile(path.join(datasetsDir, "mlma-hate-speech")));
    // The project's own clean rows (flags9: measured, not shipped; docs/model.md).
    case "written": return writtenCleanRows();
    default: throw new Error(`unknown source ${name}`);
  }
}

const featureCache = new Map<string, Int32Array>();
function toRow(item: LabelledText, features: FeatureConfig, weight: number): TrainingRow {
  const key = `${JSON.stringify(features)}|${item.source}|${item.text}`;
  let buckets = featureCache.get(key);
  if (buckets === undefined) { buckets = featurizeText(item.text, features); featureCache.set(key, buckets); }
  return { buckets, targets: Float32Array.from(item.targets), weight };
}

/**
 * A public dataset's row as the heads learn it. For the sources in `nationalistFromAbusive`, the
 * abusive target trains the NATIONALIST head too (measured, not shipped: docs/model.md, "The
 * nationalist head"): TRAC-1's aggression makes the head rank dev's Latin nationalist comments far
 * better, and flag counter-speech and facts about terrorism.
 */
export function externalTargets(item: LabelledText, variant: Pick<Variant, "nationalistFromAbusive">): LabelledText {
  return variant.nationalistFromAbusive.includes(item.source) ? { ...item, targets: [item.targets[1], item.targets[1]] } : item;
}

export function externalRows(variant: Variant): TrainingRow[] {
  const retarget = variant.nationalistTargets === "group" ? groupTargets : (item: LabelledText) => item;
  return variant.sources.filter((s) => s !== "corpus").flatMap((source) => {
    const weight = variant.sourceWeights?.[source] ?? 1;
    return loadSource(source, variant.cagTarget).map((item) => toRow(retarget(externalTargets(item, variant)), variant.features, weight));
  });
}

const groupWords = TARGET_GROUP_TERMS.filter((term) => !term.includes(" "));
const exactGroupWords = new Set(groupWords.filter((term) => !term.endsWith("*")));
const groupPrefixes = groupWords.filter((term) => term.endsWith("*")).map((term) => term.slice(0, -1));
/** A word of the text is one of the composed rule's target terms (a people, state or religion). */
export function namesGroup(text: string): boolean {
  return text.toLowerCase().split(/[^\p{L}]+/u).some((word) => exactGroupWords.has(word) || groupPrefixes.some((prefix) => word.startsWith(prefix)));
}

/**
 * NATIONALIST targets from who the abuse is aimed at: public sources label abuse, rarely its target;
 * an abusive row that names a group stands for group-directed hostility, a non-abusive one (group
 * named or not) for talk about groups. Abuse with no group named says nothing for this head.
 */
export function groupTargets(item: LabelledText): LabelledText {
  const abusive = item.targets[1];
  if (Number.isNaN(abusive)) return item;
  // A source's own group label (RUHSOLD's religious hate, MLMA's origin/religion hate) stands.
  const nationalist = item.targets[0] === 1 ? 1 : abusive >= 0.5 ? (namesGroup(item.text) ? 1 : U) : 0;
  return { ...item, targets: [nationalist, abusive] };
}

const U = Number.NaN;
const isHostileItem = (item: LabelledText) => item.labels!.includes("nationalist") || item.labels!.includes("abusive");

/**
 * Corpus rows, weighted. Tamil-script comments exist only in the corpus, where a third of them are
 * hostile (a tenth of the Latin ones): unbalanced, the model learns "Tamil script" as hostility and
 * flags a Tamil cricket comment for its script. Clean rows of each script are weighed up so every
 * script's weighted hostile share equals the Latin one.
 */
export function corpusRows(items: LabelledText[], variant: Variant): TrainingRow[] {
  const share = (lang: string) => {
    const group = items.filter((item) => (item.lang ?? "latin") === lang);
    const hostile = group.filter(isHostileItem).length;
    return { hostile, clean: group.length - hostile };
  };
  const latin = share("latin");
  const latinOdds = latin.hostile / Math.max(1, latin.clean);
  const boost = new Map<string, number>();
  for (const lang of new Set(items.map((item) => item.lang ?? "latin"))) {
    const { hostile, clean } = share(lang);
    boost.set(lang, variant.balanceScripts && hostile > 0 && clean > 0 && latinOdds > 0 ? Math.max(1, hostile / clean / latinOdds) : 1);
  }
  return items.map((item) => toRow(item, variant.features, variant.corpusWeight * (isHostileItem(item) ? 1 : boost.get(item.lang ?? "latin")!)));
}

const scratch = new HashedFeatures();
export function scoreItem(model: LinearModel, item: LabelledText): ScoredRecord {
  const buckets = featurizeText(item.text, model.features);
  scratch.count = 0;
  for (const bucket of buckets) { scratch.bucket[scratch.count++] = bucket; if (scratch.count === scratch.bucket.length) break; }
  const [nationalistHead, abusiveHead] = model.heads;
  return {
    nationalist: sigmoid(headLogit(nationalistHead!, scratch)),
    abusive: sigmoid(headLogit(abusiveHead!, scratch)),
    isHostile: item.labels!.includes("nationalist") || item.labels!.includes("abusive"),
    isClean: item.labels!.length === 0,
    lang: item.lang ?? "latin",
    borderline: item.borderline === true,
  };
}

/** The CV scores with the variant's per-script calibration measured on them and applied. */
export function calibratedScores(variant: Variant, dev: readonly LabelledText[], raw: readonly ScoredRecord[]): { scored: ScoredRecord[]; offsets: ScriptOffsets } {
  const offsets = variant.calibrateScripts ? measureScriptOffsets(dev, raw) : { NATIONALIST: {}, ABUSIVE: {} };
  return { scored: applyScriptOffsets(dev, raw, offsets), offsets };
}

/** Each dev record scored by a model trained without its fold's threads; returned in dev order (uncalibrated). */
export function crossValidate(variant: Variant, dev: LabelledText[], external: TrainingRow[]): ScoredRecord[] {
  const scored = new Array<ScoredRecord>(dev.length);
  const useCorpus = variant.sources.includes("corpus");
  for (let fold = 0; fold < FOLDS; fold++) {
    const training = useCorpus ? corpusRows(dev.filter((item) => foldOfThread(item.thread!) !== fold), variant) : [];
    const model = trainLinearModel([...external, ...training], variant.features, variant.train);
    dev.forEach((item, index) => { if (foldOfThread(item.thread!) === fold) scored[index] = scoreItem(model, item); });
  }
  return scored;
}
