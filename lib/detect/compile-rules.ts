import type { RuleDefinition } from "./types";
import type { CompiledRuleSet } from "./compiled-rule";
import { compileRuleSet } from "./compile-rule-set";
import { activeModel } from "./classifier/active-model";

/**
 * Compiles the enabled rules once per rule-set version; CLASSIFIER rules score with the active
 * model (the shipped one, or the one the desk's decisions adapted). Server, CLI and bench use this;
 * the browser test bench uses compileRuleSet without a model.
 */
export function compileRules(rules: readonly RuleDefinition[]): CompiledRuleSet {
  return compileRuleSet(rules, activeModel);
}
