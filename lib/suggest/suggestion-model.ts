import { extractFeatures, readableFeature } from "./extract-features";
import { buildVocabulary, countFeatures, featureWeight, scoreFeatures, toScorer, type LabelledFeatures, type NaiveBayesCounts, type NaiveBayesScorer, type TrainOptions } from "./naive-bayes";
import { applyDelta, type ModelDelta } from "./adapt-base-model";
import { classifyText } from "@/lib/detect/classifier/classify-text";
import type { LinearModel } from "@/lib/detect/classifier/linear-model";
import { shippedModel } from "@/lib/detect/classifier/shipped-model";
import { REASONS, type Reason, type SuggestedAction, type TrainingExample, type WeighingWord } from "./types";

// Two naive Bayes heads over one vocabulary: hide vs approve (all decisions), and the reason
// (hidden comments only). Everything here is pure: params go to and from JSON unchanged.

export const ACTIONS: readonly SuggestedAction[] = ["APPROVE", "HIDE"];
export const DEFAULT_TRAIN_OPTIONS: TrainOptions & { alpha: number } = { minDocs: 2, maxFeatures: 40_000, alpha: 1 };

export interface SuggestionParams {
  format: 1;
  alpha: number;
  vocabulary: string[];
  action: NaiveBayesCounts;
  /** Null when no hidden comment was in the training set. */
  reason: NaiveBayesCounts | null;
  /** The shipped classifier adapted to the same decisions (what CLASSIFIER rules score with). */
  adapted?: ModelDelta;
}

/** An example with its features extracted once: training, evaluation and scoring all reuse them. */
export interface FeaturedExample extends TrainingExample {
  features: string[];
}

export function featurize(example: TrainingExample): FeaturedExample {
  return { ...example, features: extractFeatures(example.text) };
}

export function trainSuggestionParams(examples: readonly TrainingExample[], options = DEFAULT_TRAIN_OPTIONS): SuggestionParams {
  return trainFromFeatured(examples.map(featurize), options);
}

export function trainFromFeatured(examples: readonly FeaturedExample[], options = DEFAULT_TRAIN_OPTIONS): SuggestionParams {
  const actionExamples: LabelledFeatures[] = examples.map((example) => ({ features: example.features, label: example.action }));
  const vocabulary = buildVocabulary(actionExamples, options);
  const index = new Map(vocabulary.map((feature, position) => [feature, position]));
  const reasonExamples: LabelledFeatures[] = examples
    .filter((example) => example.action === "HIDE")
    .map((example) => ({ features: example.features, label: example.reason ?? "OTHER" }));
  return {
    format: 1,
    alpha: options.alpha,
    vocabulary,
    action: countFeatures(actionExamples, ACTIONS, index),
    reason: reasonExamples.length > 0 ? countFeatures(reasonExamples, REASONS, index) : null,
  };
}

export interface CompiledSuggestionModel {
  vocabulary: readonly string[];
  index: ReadonlyMap<string, number>;
  action: NaiveBayesScorer;
  reason: NaiveBayesScorer | null;
  /** The classifier adapted to the same decisions: the prior of hostile hides (null: counts only). */
  classifier: LinearModel | null;
}

export function compileSuggestionModel(params: SuggestionParams): CompiledSuggestionModel {
  return {
    vocabulary: params.vocabulary,
    index: new Map(params.vocabulary.map((feature, position) => [feature, position])),
    action: toScorer(params.action, params.alpha),
    reason: params.reason ? toScorer(params.reason, params.alpha) : null,
    // A delta from an older base no longer applies: the shipped model alone is then the prior.
    classifier: params.adapted ? (applyDelta(shippedModel(), params.adapted) ?? shippedModel()) : null,
  };
}

export interface Prediction {
  action: SuggestedAction;
  confidence: number;
  reason: Reason | null;
  reasonConfidence: number | null;
  words: WeighingWord[];
}

const TOP_WORDS = 5;

export function predictSuggestion(model: CompiledSuggestionModel, text: string, topWords = TOP_WORDS): Prediction {
  return predictFromFeatures(model, extractFeatures(text), topWords, model.classifier ? classifierPrior(model.classifier, text) : null);
}

/** What the (adapted) classifier believes: a hostile category and its log-odds, or nothing. */
export interface ClassifierPrior {
  reason: "NATIONALIST" | "ABUSIVE";
  logOdds: number;
}

/** Log-odds are capped so one confident score cannot outvote every decision the desk made. */
const MAX_PRIOR_LOG_ODDS = 4;

/**
 * One learning path: the shipped classifier, adapted to the desk's decisions, is the prior of the
 * suggestion. It speaks only when it believes a comment is hostile (p > 0.5), pushing toward hiding
 * for that reason; about spam, off-topic and approvals the decision counts alone decide.
 */
export function classifierPrior(classifier: LinearModel, text: string): ClassifierPrior | null {
  const scores = classifyText(text, classifier);
  const reason = scores.NATIONALIST >= scores.ABUSIVE ? "NATIONALIST" : "ABUSIVE";
  const p = scores[reason];
  if (p <= 0.5) return null;
  return { reason, logOdds: Math.min(MAX_PRIOR_LOG_ODDS, Math.log(p / (1 - p))) };
}

export function predictFromFeatures(
  model: CompiledSuggestionModel, features: readonly string[], topWords = TOP_WORDS, prior: ClassifierPrior | null = null,
): Prediction {
  const present: number[] = [];
  for (const feature of features) {
    const f = model.index.get(feature);
    if (f !== undefined) present.push(f);
  }
  const actionScore = scoreFeatures(model.action, present, prior ? model.action.classes.map((c) => (c === "HIDE" ? prior.logOdds : 0)) : undefined);
  const action = model.action.classes[actionScore.best] as SuggestedAction;
  let reason: Reason | null = null;
  let reasonConfidence: number | null = null;
  if (action === "HIDE" && model.reason) {
    const reasonScore = scoreFeatures(model.reason, present, prior ? model.reason.classes.map((c) => (c === prior.reason ? prior.logOdds : 0)) : undefined);
    reason = model.reason.classes[reasonScore.best] as Reason;
    reasonConfidence = reasonScore.probabilities[reasonScore.best]!;
  }
  return { action, confidence: actionScore.probabilities[actionScore.best]!, reason, reasonConfidence, words: weighingWords(model, present, actionScore.best, topWords) };
}

/** The readable features (words, word pairs) that pushed hardest towards the suggested action. */
function weighingWords(model: CompiledSuggestionModel, present: readonly number[], towards: number, limit: number): WeighingWord[] {
  const words: WeighingWord[] = [];
  for (const f of present) {
    const text = readableFeature(model.vocabulary[f]!);
    if (text === null) continue;
    const weight = featureWeight(model.action, f, towards);
    if (weight > 0) words.push({ text, weight: Math.round(weight * 100) / 100 });
  }
  return words.sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text)).slice(0, limit);
}
