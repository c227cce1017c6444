import "server-only";
import { db } from "@/lib/db/client";
import { compileRules } from "./compile-rules";
import { evaluateComment } from "./evaluate-comment";
import { RULE_KINDS, type CommentContext, type FlagResult, type RuleDefinition, type RuleKind } from "./types";

const ENGINE_KINDS = new Set<string>(RULE_KINDS);

/** The enabled rules of the database, compiled once, as a function of a comment. */
export async function loadRuleEvaluator(): Promise<(context: CommentContext) => FlagResult[]> {
  const rows = await db.rule.findMany({ where: { enabled: true, deletedAt: null }, orderBy: { id: "asc" } });
  const definitions: RuleDefinition[] = rows
    // Watch-list (AUTHOR) rules match on who wrote a comment, not what it says: applied by the importer.
    .filter((row) => ENGINE_KINDS.has(row.kind))
    .map((row) => ({
      id: String(row.id),
      name: row.name,
      description: row.description ?? undefined,
      category: row.category,
      kind: row.kind as RuleKind,
      config: row.config,
      severity: row.severity,
      action: row.action,
      enabled: row.enabled,
      version: row.version,
    }));
  const compiled = compileRules(definitions);
  return (context) => evaluateComment(compiled, context);
}
