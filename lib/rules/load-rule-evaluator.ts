import "server-only";
import { db } from "@/lib/db/client";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { installAdaptedModel } from "@/lib/suggest/install-adapted-model";
import { ruleDefinitionsOf } from "./rule-definitions";
import type { CommentContext, FlagResult, RuleAction, RuleCategory } from "@/lib/detect/types";

/** The enabled rules of the database, compiled once, as a function of a comment. */
export async function loadRuleEvaluator(): Promise<(context: CommentContext) => FlagResult[]> {
  const rows = await db.rule.findMany({ where: { enabled: true, deletedAt: null }, orderBy: { id: "asc" } });
  const definitions = ruleDefinitionsOf(rows);
  // CLASSIFIER rules score with the model the desk's decisions adapted, when there is one.
  await installAdaptedModel();
  const compiled = compileRules(definitions);
  const watched = watchListFlags(rows);
  return (context) => {
    const flags = evaluateComment(compiled, context);
    // Without a watch list, no author's name is trimmed and lowercased (two strings per comment of a bulk import).
    const authorFlags = watched.size > 0 && context.authorName ? watched.get(context.authorName.trim().toLowerCase()) : undefined;
    return authorFlags ? [...flags, ...authorFlags] : flags;
  };
}

/** Watch-list (AUTHOR) rules: an exact, case-insensitive author-name match, with the rule's action. */
function watchListFlags(rows: { id: number; name: string; kind: string; category: RuleCategory; action: RuleAction; severity: number; version: number; config: unknown }[]): Map<string, FlagResult[]> {
  const byName = new Map<string, FlagResult[]>();
  for (const row of rows) {
    const authorName = (row.config as { authorName?: unknown } | null)?.authorName;
    if (row.kind !== "AUTHOR" || typeof authorName !== "string" || authorName.trim() === "") continue;
    const key = authorName.trim().toLowerCase();
    const flag: FlagResult = { ruleId: String(row.id), ruleVersion: row.version, ruleName: row.name, category: row.category, action: row.action, severity: row.severity, score: 1, spans: [], reason: `author '${authorName}' is on the watch list` };
    byName.set(key, [...(byName.get(key) ?? []), flag]);
  }
  return byName;
}
