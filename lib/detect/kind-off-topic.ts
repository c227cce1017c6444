import type { RuleDefinition } from "./types";
import type { RuleConfigByKind } from "./schemas";
import type { CompiledRule } from "./compiled-rule";
import { articleStems, countContentStems, lastInSetCount, parentCommentStems } from "./content-stems";

/**
 * OFF_TOPIC: the share of the comment's content words (stemmed, counted per occurrence) that also
 * occur in the article, and in the parent comment; off-topic only when BOTH shares are low. Short
 * comments ('So this is good.') carry too few words to judge and never fire.
 */
export function compileOffTopicRule(definition: RuleDefinition, config: RuleConfigByKind["OFF_TOPIC"]): CompiledRule {
  return {
    definition,
    termDriven: false,
    evaluate(analysis) {
      const { articleText, parentBody } = analysis.context;
      if (!articleText && !parentBody) return null;
      if (analysis.normalized.wordCount < config.minWords) return null;
      const article = articleText ? articleStems(articleText) : null;
      // Content words are a subset of all words, so once more than maxSimilarity x wordCount
      // are in the article the share is too high whatever follows: most comments stop early
      // (+1 keeps the shortcut clear of floating-point ties at the threshold).
      const stopAbove = config.maxSimilarity * analysis.normalized.wordCount + 1;
      const words = countContentStems(analysis.normalized, article, stopAbove);
      const inArticle = lastInSetCount();
      if (words < config.minWords || inArticle / words > config.maxSimilarity) return null;
      // Only comments already far from the article pay for reading the parent.
      let inParent = 0;
      if (parentBody) {
        countContentStems(analysis.normalized, parentCommentStems(parentBody));
        inParent = lastInSetCount();
      }
      const similarity = Math.max(inArticle, inParent) / words;
      if (similarity > config.maxSimilarity) return null;
      const against = parentBody ? "the article or the comment it replies to" : "the article";
      return {
        score: 1 - similarity,
        spans: [analysis.wholeSpan()],
        reason: `Only ${Math.round(similarity * 100)}% of its ${words} content words appear in ${against}.`,
      };
    },
  };
}
