import type { RuleAction, RuleCategory, RuleDefinition, RuleKind } from "./types";

/** A rule definition for tests, with defaults for everything but kind and config. */
export function testRule(
  kind: RuleKind, config: unknown,
  overrides: Partial<Omit<RuleDefinition, "kind" | "config">> & { category?: RuleCategory; action?: RuleAction } = {},
): RuleDefinition {
  return {
    id: overrides.id ?? `rule-${kind.toLowerCase()}`,
    name: overrides.name ?? `${kind.toLowerCase()} rule`,
    category: overrides.category ?? "ABUSIVE",
    kind,
    config,
    severity: overrides.severity ?? 3,
    action: overrides.action ?? "FLAG",
    enabled: overrides.enabled ?? true,
    version: overrides.version ?? 1,
  };
}
