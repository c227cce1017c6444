import type { RuleDefinition } from "./types";
import { parseRuleConfig, type RuleConfigByKind } from "./schemas";
import { RuleCompileError, type CompiledRule, type CompiledRuleSet, type SlotAllocator } from "./compiled-rule";
import { InvalidTermError, compileTermMatcher, type TermEntry } from "./term-matcher";
import { compileTermsRule } from "./kind-terms";
import { compileNearRule } from "./kind-near";
import { compileRegexRule } from "./kind-regex";
import { compileOffTopicRule } from "./kind-off-topic";
import { compileShoutingRule } from "./kind-shouting";
import { compileLinksRule } from "./kind-links";
import { compileRepetitionRule } from "./kind-repetition";
import { compileClassifierRule, type ModelSource } from "./kind-classifier";
import { compileExternalRule } from "./kind-external";
import { compileMisspeltIndex } from "./misspelt-words";

function compileOne(definition: RuleDefinition, slots: SlotAllocator, modelSource: ModelSource): CompiledRule {
  const parsed = parseRuleConfig(definition.kind, definition.config);
  if (!parsed.ok) throw new RuleCompileError(definition.id, definition.name, parsed.message);
  const config = parsed.config;
  switch (definition.kind) {
    case "TERMS": return compileTermsRule(definition, config as RuleConfigByKind["TERMS"], slots);
    case "NEAR": return compileNearRule(definition, config as RuleConfigByKind["NEAR"], slots);
    case "REGEX": return compileRegexRule(definition, config as RuleConfigByKind["REGEX"], slots);
    case "OFF_TOPIC": return compileOffTopicRule(definition, config as RuleConfigByKind["OFF_TOPIC"]);
    case "SHOUTING": return compileShoutingRule(definition, config as RuleConfigByKind["SHOUTING"]);
    case "LINKS": return compileLinksRule(definition, config as RuleConfigByKind["LINKS"]);
    case "REPETITION": return compileRepetitionRule(definition, config as RuleConfigByKind["REPETITION"]);
    case "CLASSIFIER": return compileClassifierRule(definition, config as RuleConfigByKind["CLASSIFIER"], modelSource, slots);
    case "EXTERNAL": return compileExternalRule(definition);
  }
}

/**
 * Compiles the enabled rules once per rule-set version; the result is reused for every comment.
 * All TERMS and NEAR terms share one automaton, so adding rules does not add passes over the text.
 * Throws RuleCompileError naming the first invalid rule. CLASSIFIER rules score with `modelSource`:
 * compileRules (compile-rules.ts) passes the active model; the browser passes none, so the
 * weights never reach the client bundle.
 */
export function compileRuleSet(rules: readonly RuleDefinition[], modelSource: ModelSource): CompiledRuleSet {
  const entries: TermEntry[] = [];
  const slotRuleIndex: number[] = [];
  const compiled: CompiledRule[] = [];
  // Which slots may read misspelt, dotted or masked words (TERMS, NEAR; misspelt-words.ts).
  const fuzzySlots: number[] = [];
  for (const definition of rules) {
    if (!definition.enabled) continue;
    const ruleIndex = compiled.length;
    const slots: SlotAllocator = {
      addTerms(terms) {
        const slot = slotRuleIndex.length;
        slotRuleIndex.push(ruleIndex);
        fuzzySlots.push(definition.kind === "TERMS" || definition.kind === "NEAR" ? 1 : 0);
        for (const term of terms) entries.push({ slot, term });
        return slot;
      },
    };
    const firstEntry = entries.length;
    try {
      compiled.push(compileOne(definition, slots, modelSource));
      // Terms are validated here, not inside the shared build, so the error names this rule.
      compileTermMatcher(entries.slice(firstEntry));
    } catch (error) {
      if (error instanceof RuleCompileError) throw error;
      const detail = error instanceof InvalidTermError || error instanceof Error ? error.message : String(error);
      throw new RuleCompileError(definition.id, definition.name, detail);
    }
  }
  const termMatcher = compileTermMatcher(entries);
  return {
    rules: compiled,
    termMatcher,
    misspelt: compileMisspeltIndex(termMatcher, Uint8Array.from(fuzzySlots)),
    slotOwner: Int32Array.from(slotRuleIndex),
    alwaysEvaluated: compiled.flatMap((rule, index) => (rule.termDriven ? [] : [index])),
  };
}
