// Training variants compared by the pack's dev-CV figure (scripts/model/pack-cv.ts --variant=NAME) and
// trainable as the shipped model (npm run model:train-base -- --variant=NAME). docs/model.md has the figures.
import { BASE, type Variant } from "./cross-validate";

/** Compared by the pack's figure (rules + model), not the model's alone; all but `december` differ from the shipped BASE in one thing. */
export const VARIANTS: Record<string, Variant> = {
  base: BASE,
  "no-davidson": { ...BASE, sources: BASE.sources.filter((source) => source !== "davidson") },
  "no-mlma": { ...BASE, sources: BASE.sources.filter((source) => source !== "mlma") },
  "corpus-40": { ...BASE, corpusWeight: 40 },
  "corpus-15": { ...BASE, corpusWeight: 15 },
  "epochs-10": { ...BASE, train: { ...BASE.train, epochs: 10 } },
  "epochs-3": { ...BASE, train: { ...BASE.train, epochs: 3 } },
  "lr-0.1": { ...BASE, train: { ...BASE.train, learningRate: 0.1 } },
  "l2-1e-5": { ...BASE, train: { ...BASE.train, l2: 1e-5 } },
  "l2-1e-4": { ...BASE, train: { ...BASE.train, l2: 1e-4 } },
  "words-only": { ...BASE, features: { ...BASE.features, charMin: 0, charMax: 0 } },
  "nationalist-from-trac1": { ...BASE, nationalistFromAbusive: ["trac1"] },
  "calibrated": { ...BASE, calibrateScripts: true },
  // Before flags-model (December): every public source at weight 1, NATIONALIST targets as each source labels them.
  december: { ...BASE, sourceWeights: {}, nationalistTargets: "source" },
  "trac1-x1": { ...BASE, sourceWeights: {} },
  "trac1-x4": { ...BASE, sourceWeights: { trac1: 4 } },
  "trac1-x16": { ...BASE, sourceWeights: { trac1: 16 } },
  "source-targets": { ...BASE, nationalistTargets: "source" },
  "davidson-x0.3": { ...BASE, sourceWeights: { trac1: 8, davidson: 0.3 } },
  "tweets-x0.5": { ...BASE, sourceWeights: { trac1: 8, davidson: 0.5, mlma: 0.5, ruhsold: 0.5 } },
  // flags9 (measured, not shipped: docs/quality.md): the project's written clean rows as a source, at weight 1 or 4.
  "written-x1": { ...BASE, sources: [...BASE.sources, "written"], sourceWeights: { trac1: 8, written: 1 } },
  "written-x4": { ...BASE, sources: [...BASE.sources, "written"], sourceWeights: { trac1: 8, written: 4 } },
  "written-x4-seed-7": { ...BASE, sources: [...BASE.sources, "written"], sourceWeights: { trac1: 8, written: 4 }, train: { ...BASE.train, seed: 7 } },
  "seed-7": { ...BASE, train: { ...BASE.train, seed: 7 } },
  "seed-99": { ...BASE, train: { ...BASE.train, seed: 99 } },
};

/** The variant `npm run model:train-base` trains and ships. */
export const SHIPPED_VARIANT = "base";
