import type { CommentContext, FlagResult } from "./types";
import type { CompiledRuleSet, RuleMatch } from "./compiled-rule";
import { CommentAnalysis } from "./comment-analysis";
import { TextNormalizer } from "./normalizer-core";
import { HitList, matchTermsInto } from "./term-matcher";
import { matchMisspeltWords } from "./misspelt-words";

const normalizer = new TextNormalizer();
const hits = new HitList();
const analysis = new CommentAnalysis(normalizer, hits);
// Per-call scratch, reused: which rules a hit touched (epoch-stamped, never cleared) and their indexes.
let touchedStamp = new Int32Array(64);
let touchedEpoch = 0;
let touched = new Int32Array(64);

/** Runs a compiled rule set on one comment; spans are offsets into ctx.body. */
export function evaluateComment(set: CompiledRuleSet, ctx: CommentContext): FlagResult[] {
  normalizer.run(ctx.body);
  hits.count = 0;
  matchTermsInto(set.termMatcher, normalizer, hits);
  matchMisspeltWords(set.misspelt, normalizer, ctx.body, hits);
  analysis.begin(ctx, set.termMatcher);
  const flags: FlagResult[] = [];
  const always = set.alwaysEvaluated;
  if (hits.count === 0) {
    for (let k = 0; k < always.length; k++) evaluateRule(set, always[k]!, analysis, flags);
    return flags;
  }
  const touchedCount = touchedRules(set);
  // Rule order is the admin's order, whatever order the hits came in: merge two sorted lists.
  let a = 0;
  let t = 0;
  while (a < always.length || t < touchedCount) {
    const next = t >= touchedCount || (a < always.length && always[a]! < touched[t]!) ? always[a++]! : touched[t++]!;
    evaluateRule(set, next, analysis, flags);
  }
  return flags;
}

/** Sorted, distinct indexes of the term-driven rules owning a hit slot, into `touched`. */
function touchedRules(set: CompiledRuleSet): number {
  const ruleCount = set.rules.length;
  if (touchedStamp.length < ruleCount) touchedStamp = new Int32Array(ruleCount * 2);
  if (touched.length < hits.count) touched = new Int32Array(hits.count * 2);
  if (touchedEpoch === 0x7fffffff) { touchedStamp.fill(0); touchedEpoch = 0; }
  const epoch = ++touchedEpoch;
  let count = 0;
  for (let h = 0; h < hits.count; h++) {
    const rule = set.slotOwner[hits.slot[h]!]!;
    if (touchedStamp[rule] === epoch) continue;
    touchedStamp[rule] = epoch;
    // Insertion sort: a comment touches a handful of rules.
    let at = count++;
    while (at > 0 && touched[at - 1]! > rule) { touched[at] = touched[at - 1]!; at--; }
    touched[at] = rule;
  }
  return count;
}

function evaluateRule(set: CompiledRuleSet, index: number, analysis: CommentAnalysis, flags: FlagResult[]): void {
  const rule = set.rules[index]!;
  const match = rule.evaluate(analysis);
  if (match !== null) flags.push(toFlagResult(rule.definition, match));
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
