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

/**
 * Patterns both re2js stand-ins are held to (compact-dfa, leftmost-match): word boundaries, anchors
 * at both ends and per line, a pack-like phrase, with the flag saying whether to compile it
 * case-insensitively. Each test adds the cases its own matcher is delicate about.
 */
export const SHARED_REGEX_CASES: [string, boolean][] = [
  ["\\bidiot\\b", false],
  ["\\b(?:india|pakistan|indians?) (?:are|is) (?:all )?(?:idiots?|rats|the enemy)\\b", false],
  ["(?:^|[.!?]\\s*)(?:go|run) (?:back )?to (?:pakistan|india)\\b", true],
  ["^the", false],
  ["\\Athe|fool$", false],
  ["(?m)^kill|them$", false],
];
