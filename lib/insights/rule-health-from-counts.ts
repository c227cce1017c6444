import "server-only";
import { db } from "@/lib/db/client";
import { RULE_HEALTH_CTE, RULE_HEALTH_ORDER } from "./rule-health-sql";
import type { RuleCounts } from "./day-summary";
import type { RuleHealth } from "./flag-insights";

/**
 * Rule health from summed per-rule counts: the rules' current names and states joined, and
 * ordered in SQL exactly as getFlagInsights orders them (so names sort by the database collation).
 */
export async function ruleHealthFromCounts(counts: Record<string, RuleCounts>): Promise<RuleHealth[]> {
  const rows = Object.entries(counts).map(([ruleId, [fired, hidden, approved, autoHidden, pending]]) => ({ ruleId: Number(ruleId), fired, hidden, approved, autoHidden, pending }));
  const [row] = await db.$queryRaw<[{ rules: RuleHealth[] | null }]>`
    WITH fired AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x("ruleId" int, fired int, hidden int, approved int, "autoHidden" int, pending int)
    ), ${RULE_HEALTH_CTE}
    SELECT jsonb_agg(to_jsonb(h) ORDER BY ${RULE_HEALTH_ORDER}) AS rules FROM health h`;
  return row?.rules ?? [];
}
