import "server-only";
import { db } from "@/lib/db/client";
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
    ), health AS (
      SELECT r.id AS "ruleId", r.name, r.category::text AS category, r.action::text AS action, r.enabled,
             r."deletedAt" IS NOT NULL AS deleted,
             COALESCE(x.fired, 0) AS fired, COALESCE(x.hidden, 0) AS hidden, COALESCE(x.approved, 0) AS approved,
             COALESCE(x."autoHidden", 0) AS "autoHidden", COALESCE(x.pending, 0) AS pending,
             CASE WHEN x.hidden + x.approved > 0 THEN x.hidden::float8 / (x.hidden + x.approved) END AS "precision"
      FROM rule r LEFT JOIN fired x ON x."ruleId" = r.id
      WHERE r."deletedAt" IS NULL OR x.fired > 0
    )
    SELECT jsonb_agg(to_jsonb(h) ORDER BY h.fired = 0, h."precision" ASC NULLS LAST, h.fired DESC, h.name) AS rules FROM health h`;
  return row?.rules ?? [];
}
