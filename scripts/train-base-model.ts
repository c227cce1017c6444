// Trains the shipped base classifier (lib/detect/classifier/base-model.json) from the labelled data
// in ../shared, choosing thresholds by thread-grouped cross-validation on the corpus dev split.
// Deterministic: fixed seed, stable order. Never reads test.jsonl except with --report-test, once,
// after everything is chosen, to print figures; never trains on it, on HateCheck or on ETHOS.
//
//   npm run model:train-base                    train, print dev-CV figures, write the weights
//   npm run model:train-base -- --compare       dev-CV figures of the variants and data steps (writes nothing)
//   npm run model:train-base -- --report-test   also print the test split figures at the chosen thresholds
// Env: MODDESK_CORPUS (default <repo>/../shared/corpus), MODDESK_DATASETS (default <repo>/../shared/datasets).
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from "@/lib/detect/classifier/feature-config";
import { featurizeText } from "@/lib/detect/classifier/classify-text";
import { headLogit, sigmoid, type LinearModel } from "@/lib/detect/classifier/linear-model";
import { HashedFeatures } from "@/lib/detect/classifier/hash-features";
import { encodeModel } from "@/lib/detect/classifier/model-file";
import { DEFAULT_TRAIN_OPTIONS, trainLinearModel, type TrainOptions, type TrainingRow } from "@/lib/detect/classifier/train-linear";
import { readCorpus, readDavidson, readMlma, readRuhsold, readTrac1, type LabelledText } from "./model/training-sources";
import { chooseThresholds, figureLines, hostileAuc, rates, type ScoredRecord, type Thresholds } from "./model/cv-figures";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = process.env.MODDESK_CORPUS ?? path.join(repo, "..", "shared", "corpus");
const datasetsDir = process.env.MODDESK_DATASETS ?? path.join(repo, "..", "shared", "datasets");
const OUT = path.join(repo, "lib", "detect", "classifier", "base-model.json");
const FOLDS = 5;
/**
 * Model-only budget on clean comments: rules get the rest of the 5% the desk tolerates.
 * `--clean-budget=0.04` to compare (docs/model.md: why 4% is not shipped).
 */
const CLEAN_BUDGET = Number(process.argv.find((arg) => arg.startsWith("--clean-budget="))?.slice("--clean-budget=".length) ?? 0.03);

interface Variant {
  name: string;
  features: FeatureConfig;
  sources: readonly string[];
  /** Weight of a corpus row relative to a dataset row (the corpus is in-domain and small). */
  corpusWeight: number;
  cagTarget: number;
  /** Weigh each script's clean corpus rows so its hostile share matches Latin's (see corpusRows). */
  balanceScripts: boolean;
  train: TrainOptions;
}

const BASE: Variant = {
  name: "word+char2-5, 2^18, all sources",
  features: DEFAULT_FEATURE_CONFIG,
  sources: ["davidson", "ruhsold", "trac1", "mlma", "corpus"],
  corpusWeight: 25,
  cagTarget: Number.NaN,
  balanceScripts: false,
  train: DEFAULT_TRAIN_OPTIONS,
};

const COMPARED: Variant[] = [
  { ...BASE, name: "data: davidson + ruhsold", sources: ["davidson", "ruhsold"] },
  { ...BASE, name: "data: + trac1", sources: ["davidson", "ruhsold", "trac1"] },
  { ...BASE, name: "data: + mlma", sources: ["davidson", "ruhsold", "trac1", "mlma"] },
  { ...BASE, name: "data: + corpus dev (= base)" },
  { ...BASE, name: "corpus weight 3", corpusWeight: 3 },
  { ...BASE, name: "corpus weight 8", corpusWeight: 8 },
  { ...BASE, name: "scripts balanced", balanceScripts: true },
  { ...BASE, name: "heavier corpus: weight 60", corpusWeight: 60 },
  { ...BASE, name: "heavier corpus: weight 150", corpusWeight: 150 },
  { ...BASE, name: "words+bigrams only", features: { ...BASE.features, charMin: 0, charMax: 0 } },
  { ...BASE, name: "word+char3-5", features: { ...BASE.features, charMin: 3 } },
  { ...BASE, name: "2^16 buckets", features: { ...BASE.features, hashBits: 16 } },
  { ...BASE, name: "trac1 CAG as 0.5 abusive", cagTarget: 0.5 },
];

function requireFile(file: string): string {
  if (!existsSync(file)) throw new Error(`missing ${file}: set MODDESK_CORPUS / MODDESK_DATASETS to the shared data folders`);
  return file;
}

function loadSource(name: string, cagTarget: number): LabelledText[] {
  switch (name) {
    case "davidson": return readDavidson(requireFile(path.join(datasetsDir, "davidson-hate-offensive")));
    case "ruhsold": return readRuhsold(requireFile(path.join(datasetsDir, "ruhsold-roman-urdu")));
    case "trac1": return readTrac1(requireFile(path.join(corpusDir, "raw", "trac1")), cagTarget);
    case "mlma": return readMlma(requireFile(path.join(datasetsDir, "mlma-hate-speech")));
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

function externalRows(variant: Variant): TrainingRow[] {
  return variant.sources.filter((s) => s !== "corpus").flatMap((source) => loadSource(source, variant.cagTarget).map((item) => toRow(item, variant.features, 1)));
}

const isHostileItem = (item: LabelledText) => item.labels!.includes("nationalist") || item.labels!.includes("abusive");

/**
 * Corpus rows, weighted. Tamil-script comments exist only in the corpus, where a third of them are
 * hostile (a tenth of the Latin ones): unbalanced, the model learns "Tamil script" as hostility and
 * flags a Tamil cricket comment for its script. Clean rows of each script are weighed up so every
 * script's weighted hostile share equals the Latin one.
 */
function corpusRows(items: LabelledText[], variant: Variant): TrainingRow[] {
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

function foldOf(thread: string): number {
  let h = 2166136261;
  for (let i = 0; i < thread.length; i++) h = Math.imul(h ^ thread.charCodeAt(i), 16777619);
  return (h >>> 0) % FOLDS;
}

const scratch = new HashedFeatures();
function score(model: LinearModel, item: LabelledText): ScoredRecord {
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

function crossValidate(variant: Variant, dev: LabelledText[], external: TrainingRow[]): ScoredRecord[] {
  const scored: ScoredRecord[] = [];
  const useCorpus = variant.sources.includes("corpus");
  for (let fold = 0; fold < FOLDS; fold++) {
    const training = useCorpus ? corpusRows(dev.filter((item) => foldOf(item.thread!) !== fold), variant) : [];
    const model = trainLinearModel([...external, ...training], variant.features, variant.train);
    for (const item of dev) if (foldOf(item.thread!) === fold) scored.push(score(model, item));
  }
  return scored;
}

function summary(scored: ScoredRecord[], t: Thresholds): string {
  const r = rates(scored, t);
  return `recall ${(r.caught / r.hostile).toFixed(3)} at clean ${(r.flaggedClean / r.clean).toFixed(3)}, AUC ${hostileAuc(scored).toFixed(3)}`;
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const dev = readCorpus(requireFile(path.join(corpusDir, "dev.jsonl")));
  if (args.has("--compare")) {
    const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
    for (const variant of COMPARED.filter((v) => only === undefined || v.name.includes(only))) {
      const started = performance.now();
      const scored = crossValidate(variant, dev, externalRows(variant));
      const t = chooseThresholds(scored, CLEAN_BUDGET);
      console.log(`${variant.name.padEnd(34)} dev-CV ${summary(scored, t)} (t ${t.nationalist.toFixed(3)}/${t.abusive.toFixed(3)}, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    return;
  }
  const started = performance.now();
  const external = externalRows(BASE);
  const scored = crossValidate(BASE, dev, external);
  const chosen = chooseThresholds(scored, CLEAN_BUDGET);
  console.log(`dev-CV choice at <= ${CLEAN_BUDGET * 100}% clean: nationalist ${chosen.nationalist.toFixed(3)} abusive ${chosen.abusive.toFixed(3)}`);
  for (const line of figureLines(scored, chosen)) console.log(line);
  // --thresholds=N,A: the figures at the thresholds the default pack ships (see default-pack-classifier.ts).
  const fixed = process.argv.find((arg) => arg.startsWith("--thresholds="))?.slice("--thresholds=".length).split(",").map(Number);
  const thresholds = fixed && fixed.length === 2 && fixed.every((value) => value >= 0 && value <= 1) ? { nationalist: fixed[0]!, abusive: fixed[1]! } : chosen;
  console.log(`dev, ${FOLDS}-fold thread-grouped CV, thresholds nationalist ${thresholds.nationalist.toFixed(3)} abusive ${thresholds.abusive.toFixed(3)} (AUC ${hostileAuc(scored).toFixed(3)})`);
  for (const line of figureLines(scored, thresholds)) console.log(line);
  const model = trainLinearModel([...external, ...corpusRows(dev, BASE)], BASE.features, BASE.train);
  const seconds = (performance.now() - started) / 1000;
  const file = encodeModel(model, {
    trainedBy: "npm run model:train-base",
    sources: BASE.sources,
    rows: external.length + dev.length,
    corpusWeight: BASE.corpusWeight,
    balanceScripts: BASE.balanceScripts,
    train: { epochs: BASE.train.epochs, learningRate: BASE.train.learningRate, l2: BASE.train.l2, seed: BASE.train.seed },
    devCvThresholds: { NATIONALIST: round(thresholds.nationalist), ABUSIVE: round(thresholds.abusive) },
  });
  writeFileSync(OUT, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${path.relative(repo, OUT)} (${(JSON.stringify(file).length / 1e6).toFixed(2)} MB) in ${seconds.toFixed(0)} s, ${external.length + dev.length} rows`);
  if (args.has("--report-test")) {
    const test = readCorpus(requireFile(path.join(corpusDir, "test.jsonl")));
    console.log("test split (report only; nothing above was tuned on it):");
    for (const line of figureLines(test.map((item) => score(model, item)), thresholds)) console.log(line);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

main();
