import type { RuleDefinition } from "./types";
import type { RuleConfigByKind } from "./schemas";
import type { CompiledRule } from "./compiled-rule";
import { articleStems, countContentStems, lastInSetCount, parentCommentStems } from "./content-stems";
import { dominantScript } from "./dominant-script";

/**
 * OFF_TOPIC: the share of the comment's content words (stemmed, counted per occurrence) that also
 * occur in the article, and in the parent comment; off-topic only when BOTH shares are low. It
 * only judges what it can: short comments ('So this is good.') carry too few words, a bare title
 * (fewer than minArticleWords distinct content words) too few to compare against, and a comment
 * in another script than the article shares no words with it whatever it says.
 */
export function compileOffTopicRule(definition: RuleDefinition, config: RuleConfigByKind["OFF_TOPIC"]): CompiledRule {
  const minArticleWords = config.minArticleWords ?? 1;
  return {
    definition,
    termDriven: false,
    evaluate(analysis) {
      const { articleText, parentBody } = analysis.context;
      if (!articleText && !parentBody) return null;
      if (analysis.normalized.wordCount < config.minWords) return null;
      const article = articleText ? articleStems(articleText) : null;
      if (article === null || article.size < minArticleWords) return null;
      // Content words are a subset of all words, so once more than maxSimilarity x wordCount
      // are in the article the share is too high whatever follows: most comments stop early
      // (+1 keeps the shortcut clear of floating-point ties at the threshold).
      const stopAbove = config.maxSimilarity * analysis.normalized.wordCount + 1;
      const words = countContentStems(analysis.normalized, article, stopAbove);
      const inArticle = lastInSetCount();
      if (words < config.minWords || inArticle / words > config.maxSimilarity) return null;
      if (dominantScript(analysis.body) !== dominantScript(articleText ?? "")) return null;
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
