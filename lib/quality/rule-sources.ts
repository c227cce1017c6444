import type { RuleDefinition } from "@/lib/detect/types";
import { defaultRulePack } from "@/lib/rules/default-pack";

/** The built-in pack as the engine takes it (id = name, version 1), as `moddesk flag` runs it without rules stored. */
export function defaultPackDefinitions(): RuleDefinition[] {
  return defaultRulePack().map((rule) => ({ ...rule, id: rule.name, version: 1 }));
}
