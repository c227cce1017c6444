import type { RuleDefinition } from "./types";
import type { CompiledRule } from "./compiled-rule";

/**
 * EXTERNAL: scored outside the engine. The engine is synchronous and pure, and an endpoint is
 * neither, so an EXTERNAL rule compiles (its config is checked) to a rule the engine never runs:
 * term-driven with no terms, it is never evaluated. Its flags come from lib/external-classifier.
 */
export function compileExternalRule(definition: RuleDefinition): CompiledRule {
  return { definition, termDriven: true, evaluate: () => null };
}
