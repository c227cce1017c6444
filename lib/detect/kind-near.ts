import type { RuleDefinition } from "./types";
import type { RuleConfigByKind } from "./schemas";
import { mergeSpans, quote, type CompiledRule, type SlotAllocator } from "./compiled-rule";
import type { CommentAnalysis } from "./comment-analysis";
import type { TermHit } from "./term-matcher";
import { crossesSentenceBoundary } from "./sentence-boundary";
import { compileLinearRegex } from "./regex-safety";
import { isExceptedBefore } from "./unless-before";
import type { RE2JS } from "re2js";
import { misreadAs } from "./misspelt-reading";

interface ClosestPair {
  a: TermHit;
  b: TermHit;
  wordsApart: number;
}

/**
 * NEAR: a term of set A within `within` words of a term of set B, in either order, in the same
 * sentence (a word count alone pairs 'dirty' with a country named in the previous sentence).
 * `unlessBefore` skips a pair when its sentence, up to the pair's later term, matches (negation,
 * reported speech), as for REGEX.
 */
export function compileNearRule(
  definition: RuleDefinition, config: RuleConfigByKind["NEAR"], slots: SlotAllocator,
): CompiledRule {
  const slotA = slots.addTerms(config.a);
  const slotB = slots.addTerms(config.b);
  const unless = config.unlessBefore === undefined ? null : compileLinearRegex(config.unlessBefore, false);
  if (typeof unless === "string") throw new Error(`unlessBefore: ${unless}`);
  return {
    definition,
    termDriven: true,
    evaluate(analysis) {
      // Group words ('india') are common and hit alone: check both sides before building hits.
      if (!analysis.hasHits(slotA) || !analysis.hasHits(slotB)) return null;
      const hitsA = analysis.hitsFor(slotA);
      const hitsB = analysis.hitsFor(slotB);
      if (hitsA.length === 0 || hitsB.length === 0) return null;
      const pair = closestPair(analysis, hitsA, hitsB, config.within, unless);
      if (pair === null) return null;
      const spans = mergeSpans([
        analysis.originalSpan(pair.a.start, pair.a.end),
        analysis.originalSpan(pair.b.start, pair.b.end),
      ]);
      const apart = pair.wordsApart === 1 ? "next to each other" : `${pair.wordsApart} words apart`;
      return {
        // Adjacent words are the strongest signal; the edge of the window the weakest.
        score: 1 - (0.5 * (pair.wordsApart - 1)) / config.within,
        spans,
        reason: `${evidence(analysis, pair.b)} near ${evidence(analysis, pair.a)} (${apart}).`,
      };
    },
  };
}

/** The words as written, and how they were read when misspelt, dotted or masked (misspelt-words.ts). */
function evidence(analysis: CommentAnalysis, hit: TermHit): string {
  const written = quote(analysis.originalText(hit.start, hit.end));
  return hit.misread === true ? `${written} (${misreadAs(analysis, hit)})` : written;
}

function closestPair(
  analysis: CommentAnalysis, hitsA: readonly TermHit[], hitsB: readonly TermHit[], within: number, unless: RE2JS | null,
): ClosestPair | null {
  let best: ClosestPair | null = null;
  for (const a of hitsA) {
    const aFirst = analysis.wordIndexAt(a.start);
    const aLast = analysis.wordIndexAt(a.end - 1);
    for (const b of hitsB) {
      // The same words cannot be both the group and the insult.
      if (b.start < a.end && a.start < b.end) continue;
      const bFirst = analysis.wordIndexAt(b.start);
      const bLast = analysis.wordIndexAt(b.end - 1);
      const wordsApart = bFirst > aLast ? bFirst - aLast : aFirst - bLast;
      if (wordsApart > within || (best !== null && wordsApart >= best.wordsApart)) continue;
      const [first, second] = a.start < b.start ? [a, b] : [b, a];
      const gapFrom = analysis.originalSpan(first.start, first.end)[1];
      const gapTo = analysis.originalSpan(second.start, second.end)[0];
      if (crossesSentenceBoundary(analysis.body, gapFrom, gapTo)) continue;
      // Read up to the later term, so a negation between the two counts too ('X are not rats').
      if (unless !== null && isExceptedBefore(unless, analysis, gapTo)) continue;
      best = { a, b, wordsApart };
    }
  }
  return best;
}
