import type { RuleDefinition } from "./types";
import type { RuleConfigByKind } from "./schemas";
import type { CompiledRule } from "./compiled-rule";
import { articleStems, forEachContentStem, parentCommentStems } from "./content-stems";

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
      let words = 0;
      let inArticle = 0;
      forEachContentStem(analysis.normalized, (stem) => {
        words++;
        if (article !== null && article.has(stem)) inArticle++;
      });
      if (words < config.minWords || inArticle / words > config.maxSimilarity) return null;
      // Only comments already far from the article pay for reading the parent.
      let inParent = 0;
      if (parentBody) {
        const parent = parentCommentStems(parentBody);
        forEachContentStem(analysis.normalized, (stem) => {
          if (parent.has(stem)) inParent++;
        });
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
