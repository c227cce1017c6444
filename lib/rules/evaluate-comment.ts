import type { CommentContext, FlagResult } from "./types";
import type { CompiledRuleSet, RuleMatch } from "./compiled-rule";
import { CommentAnalysis } from "./comment-analysis";
import { TextNormalizer } from "./normalizer-core";
import { matchTerms, type TermHit } from "./term-matcher";

const normalizer = new TextNormalizer();

/** Runs a compiled rule set on one comment; spans are offsets into ctx.body. */
export function evaluateComment(set: CompiledRuleSet, ctx: CommentContext): FlagResult[] {
  normalizer.run(ctx.body);
  const hits: TermHit[] = [];
  matchTerms(set.termMatcher, normalizer, hits);
  const hitsBySlot = new Map<number, TermHit[]>();
  let ruleIndexes = set.alwaysEvaluated;
  if (hits.length > 0) {
    const touched = new Set<number>(set.alwaysEvaluated);
    for (const hit of hits) {
      const slotHits = hitsBySlot.get(hit.slot);
      if (slotHits === undefined) hitsBySlot.set(hit.slot, [hit]);
      else slotHits.push(hit);
      touched.add(set.slotOwner[hit.slot]!);
    }
    // Rule order is the admin's order, whatever order the hits came in.
    ruleIndexes = [...touched].sort((x, y) => x - y);
  }
  const analysis = new CommentAnalysis(ctx, normalizer, hitsBySlot);
  const flags: FlagResult[] = [];
  for (const index of ruleIndexes) {
    const rule = set.rules[index]!;
    const match = rule.evaluate(analysis);
    if (match !== null) flags.push(toFlagResult(rule.definition, match));
  }
  return flags;
}

function toFlagResult(definition: CompiledRuleSet["rules"][number]["definition"], match: RuleMatch): FlagResult {
  return {
    ruleId: definition.id,
    ruleVersion: definition.version,
    ruleName: definition.name,
    category: definition.category,
    action: definition.action,
    severity: definition.severity,
    score: Math.round(Math.min(1, Math.max(0, match.score)) * 1000) / 1000,
    spans: match.spans,
    reason: match.reason,
  };
}
