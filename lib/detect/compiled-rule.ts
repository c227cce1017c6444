import type { RuleDefinition, Span } from "./types";
import type { CommentAnalysis } from "./comment-analysis";
import type { TermMatcher } from "./term-matcher";
import type { MisspeltIndex } from "./misspelt-words";

/** What a rule found in one comment; evaluateComment turns it into a FlagResult. */
export interface RuleMatch {
  score: number;
  spans: Span[];
  reason: string;
}

export interface CompiledRule {
  readonly definition: RuleDefinition;
  /** Term-driven rules (TERMS, NEAR, gated REGEX) are only evaluated when one of their slots was hit. */
  readonly termDriven: boolean;
  evaluate(analysis: CommentAnalysis): RuleMatch | null;
}

export interface CompiledRuleSet {
  readonly rules: readonly CompiledRule[];
  /** Every TERMS and NEAR term of the set, in one automaton. */
  readonly termMatcher: TermMatcher;
  /** The same vocabulary misspelt, dotted or run together (misspelt-words.ts). */
  readonly misspelt: MisspeltIndex;
  /** slot → index in `rules` of the rule that owns it. */
  readonly slotOwner: Int32Array;
  /** Indexes of rules that run on every comment (ungated REGEX, OFF_TOPIC, SHOUTING, LINKS, REPETITION). */
  readonly alwaysEvaluated: readonly number[];
}

/** Thrown by compileRules: names the rule so an admin can find and fix it. */
export class RuleCompileError extends Error {
  constructor(
    readonly ruleId: string,
    readonly ruleName: string,
    readonly detail: string,
  ) {
    super(`rule '${ruleName}' (${ruleId}): ${detail}`);
    this.name = "RuleCompileError";
  }
}

/** Allocates term slots in the shared matcher while a rule set compiles. */
export interface SlotAllocator {
  addTerms(terms: readonly string[]): number;
}

/** Quotes evidence for a reason sentence, shortened so reasons stay one line. */
export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return `'${oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine}'`;
}

/** Sorts spans and merges overlapping or touching ones. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}
