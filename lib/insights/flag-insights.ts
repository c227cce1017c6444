import "server-only";
import { db } from "@/lib/db/client";
import { RULE_HEALTH_CTE, RULE_HEALTH_ORDER } from "./rule-health-sql";
import type { DateRange } from "./date-range";
import { postedIn } from "./range-sql";

type Category = "OFF_TOPIC" | "NATIONALIST" | "ABUSIVE" | "SPAM";

export interface RuleHealth {
  ruleId: number;
  name: string;
  category: Category;
  action: "FLAG" | "HOLD" | "AUTO_HIDE";
  enabled: boolean;
  deleted: boolean;
  /** Comments it flagged (posted in the range). */
  fired: number;
  /** Of those, where people decided: hidden, approved. */
  hidden: number;
  approved: number;
  /** Hidden by an AUTO_HIDE rule, nobody looked: not human judgement, so not in the precision. */
  autoHidden: number;
  pending: number;
  /** hidden / (hidden + approved): how often people agreed with the flag. Null before any decision. */
  precision: number | null;
}

export interface CategoryFlags {
  category: Category;
  flags: number;
  /** Distinct comments with at least one flag of the category. */
  comments: number;
}

export interface FlagInsights {
  /** Every live rule (and deleted ones that still fired). Worst first: lowest precision, then the
   * noisiest; rules with no decision yet after those, and rules that never fired last. */
  rules: RuleHealth[];
  /** Flags per rule category, most first. */
  categories: CategoryFlags[];
}

/**
 * Rule health and flags by category from one pass over the flags of comments posted in the range
 * (the join of flags to comments is the costly part: done once, both results aggregated from it).
 * c.priority > 0 is implied by having a flag; it lets the planner skip unflagged comments early.
 */
export async function getFlagInsights(range: DateRange): Promise<FlagInsights> {
  const [row] = await db.$queryRaw<[{ rules: RuleHealth[] | null; categories: CategoryFlags[] | null }]>`
    WITH flagged AS MATERIALIZED (
      SELECT f."ruleId", f.category, c.id, c.status, c."decidedById" IS NOT NULL AS "byPerson"
      FROM comment c JOIN flag f ON f."commentId" = c.id
      WHERE ${postedIn(range)} AND c.priority > 0
    ), fired AS (
      -- one row per (rule, comment): a re-run may have flagged a comment twice with one rule
      SELECT "ruleId",
             count(*)::int AS fired,
             count(*) FILTER (WHERE status = 'HIDDEN' AND "byPerson")::int AS hidden,
             count(*) FILTER (WHERE status = 'APPROVED' AND "byPerson")::int AS approved,
             count(*) FILTER (WHERE status = 'HIDDEN' AND NOT "byPerson")::int AS "autoHidden",
             count(*) FILTER (WHERE status = 'PENDING')::int AS pending
      FROM (SELECT DISTINCT "ruleId", id, status, "byPerson" FROM flagged) per_comment
      GROUP BY "ruleId"
    ), ${RULE_HEALTH_CTE}, categories AS (
      SELECT category::text AS category, count(*)::int AS flags, count(DISTINCT id)::int AS comments
      FROM flagged GROUP BY category
    )
    SELECT
      (SELECT jsonb_agg(to_jsonb(h) ORDER BY ${RULE_HEALTH_ORDER}) FROM health h) AS rules,
      (SELECT jsonb_agg(to_jsonb(k) ORDER BY k.flags DESC, k.category) FROM categories k) AS categories`;
  return { rules: row?.rules ?? [], categories: row?.categories ?? [] };
}
