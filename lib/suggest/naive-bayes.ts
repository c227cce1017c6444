// Multinomial naive Bayes over feature presence, with add-alpha smoothing. Pure: training and
// scoring take plain arrays so the model serializes as JSON and is tested without a database.

export interface LabelledFeatures {
  features: readonly string[];
  label: string;
}

export interface NaiveBayesCounts {
  classes: string[];
  /** docs[c]: training documents of class c (the prior). */
  docs: number[];
  /** counts[c][f]: documents of class c containing vocabulary feature f. */
  counts: number[][];
}

export interface TrainOptions {
  /** Features seen in fewer documents are dropped: rare features are mostly noise and bulk. */
  minDocs: number;
  /** Keep at most this many features, the most frequent first. */
  maxFeatures: number;
}

/** Counts per class over a shared vocabulary, or over a new one (pruned by the options) when none is given. */
export function countFeatures(examples: readonly LabelledFeatures[], classes: readonly string[], vocabulary: ReadonlyMap<string, number>): NaiveBayesCounts {
  const classIndex = new Map(classes.map((label, index) => [label, index]));
  const counts = classes.map(() => new Array<number>(vocabulary.size).fill(0));
  const docs = classes.map(() => 0);
  for (const example of examples) {
    const c = classIndex.get(example.label);
    if (c === undefined) continue;
    docs[c]! += 1;
    const row = counts[c]!;
    for (const feature of example.features) {
      const f = vocabulary.get(feature);
      if (f !== undefined) row[f]! += 1;
    }
  }
  return { classes: [...classes], docs, counts };
}

/** The vocabulary: features in at least minDocs documents, the most frequent maxFeatures of them. */
export function buildVocabulary(examples: readonly LabelledFeatures[], options: TrainOptions): string[] {
  const frequency = new Map<string, number>();
  for (const example of examples) for (const feature of example.features) frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
  return [...frequency]
    .filter(([, count]) => count >= options.minDocs)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxFeatures)
    .map(([feature]) => feature);
}

/** Log-probabilities ready for scoring: logPrior[c] and logLikelihood[c][f]. */
export interface NaiveBayesScorer {
  classes: string[];
  logPrior: number[];
  logLikelihood: Float64Array[];
  /** log P(unseen-in-class feature | c): what a zero count scores after smoothing. */
  vocabularySize: number;
}

export function toScorer(counts: NaiveBayesCounts, alpha = 1): NaiveBayesScorer {
  const totalDocs = counts.docs.reduce((sum, value) => sum + value, 0);
  const classCount = counts.classes.length;
  const vocabularySize = counts.counts[0]?.length ?? 0;
  return {
    classes: counts.classes,
    // Smoothed prior: a class with no training document is unlikely, not impossible.
    logPrior: counts.docs.map((docs) => Math.log((docs + alpha) / (totalDocs + alpha * classCount))),
    logLikelihood: counts.counts.map((row) => {
      const total = row.reduce((sum, value) => sum + value, 0);
      const denominator = Math.log(total + alpha * vocabularySize);
      return Float64Array.from(row, (count) => Math.log(count + alpha) - denominator);
    }),
    vocabularySize,
  };
}

export interface NaiveBayesScore {
  /** Posterior probability per class, same order as scorer.classes. */
  probabilities: number[];
  best: number;
}

/** Scores the vocabulary indices present in a document. */
export function scoreFeatures(scorer: NaiveBayesScorer, present: readonly number[], shift?: readonly number[]): NaiveBayesScore {
  const logs = scorer.logPrior.map((prior, c) => {
    const row = scorer.logLikelihood[c]!;
    let sum = prior + (shift?.[c] ?? 0);
    for (const f of present) sum += row[f]!;
    return sum;
  });
  const max = Math.max(...logs);
  const exps = logs.map((value) => Math.exp(value - max));
  const total = exps.reduce((sum, value) => sum + value, 0);
  const probabilities = exps.map((value) => value / total);
  let best = 0;
  for (let c = 1; c < probabilities.length; c++) if (probabilities[c]! > probabilities[best]!) best = c;
  return { probabilities, best };
}

/** How much feature f pushes towards class `towards` rather than the strongest other class. */
export function featureWeight(scorer: NaiveBayesScorer, f: number, towards: number): number {
  let other = -Infinity;
  for (let c = 0; c < scorer.classes.length; c++) if (c !== towards) other = Math.max(other, scorer.logLikelihood[c]![f]!);
  return scorer.logLikelihood[towards]![f]! - other;
}
