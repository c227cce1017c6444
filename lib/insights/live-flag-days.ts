import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlReader } from "./compute-day-summaries";
import { appliedOrNull } from "./live-day-deltas";
import { applyFlagDeltas, type FlagFigures, type LiveFlagDelta, type LiveFlagRow } from "./live-flag-deltas";

// The live posted days' rule and category figures (migration insights_live_flags_folded): a day's
// folded row (insights_live_flag_day) plus the changes of insights_live_flag since
// (insights_live_flag_delta), with the changed comments' rows as they now are, read in one
// statement, so one snapshot: the fold (fold-live-flags.ts) moves deltas into the row in one
// transaction. A load costs the comments changed since the last fold (the rollup job's, every
// 15 s), not the day's flags.

export interface FlagChangeRow extends LiveFlagDelta {
  kind: "folded" | "delta" | "now";
  day: string;
  rules: FlagFigures["rules"] | null;
  categories: FlagFigures["categories"] | null;
}

/**
 * The statement's rows: each folded day of `folded` (a CTE of day, rules, categories), the summed
 * deltas of `changes` (a CTE of delta rows) for those days, and the changed comments' counted rows
 * of insights_live_flag now.
 */
export function flagChangesSql(folded: Prisma.Sql, changes: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    changed AS MATERIALIZED (
      SELECT d.day, d."commentId", d."ruleId", d.category, d.status, d."byPerson", sum(d.sign)::int AS count
      FROM ${changes} d WHERE d.day IN (SELECT f.day FROM ${folded} f)
      GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.sign) <> 0
    )
    SELECT 'folded' AS kind, to_char(f.day, 'YYYY-MM-DD') AS day, f.rules, f.categories,
           0 AS "commentId", 0 AS "ruleId", '' AS category, '' AS status, false AS "byPerson", 0 AS count
    FROM ${folded} f
    UNION ALL
    SELECT 'delta', to_char(c.day, 'YYYY-MM-DD'), NULL, NULL, c."commentId", c."ruleId", c.category::text, c.status::text, c."byPerson", c.count
    FROM changed c
    UNION ALL
    SELECT 'now', to_char(l.day, 'YYYY-MM-DD'), NULL, NULL, l."commentId", l."ruleId", l.category::text, l.status::text, l."byPerson", 1
    FROM insights_live_flag l
    WHERE l."commentId" IN (SELECT c."commentId" FROM changed c) AND l.counted AND l.day IN (SELECT c.day FROM changed c)`;
}

function listOf<K, T>(lists: Map<K, T[]>, key: K): T[] {
  const list = lists.get(key) ?? [];
  lists.set(key, list);
  return list;
}

/** The folded days among `rows` with their changes applied; a day whose changes do not fit is left out (null). */
export function foldedFlagDays(rows: readonly FlagChangeRow[]): Map<string, FlagFigures | null> {
  const deltas = new Map<string, LiveFlagDelta[]>();
  const now = new Map<string, LiveFlagRow[]>();
  for (const row of rows) {
    if (row.kind === "folded") continue;
    const flag: LiveFlagRow = { commentId: row.commentId, ruleId: row.ruleId, category: row.category, status: row.status, byPerson: row.byPerson };
    if (row.kind === "delta") listOf(deltas, row.day).push({ ...flag, count: row.count });
    else listOf(now, row.day).push(flag);
  }
  const result = new Map<string, FlagFigures | null>();
  for (const row of rows) {
    if (row.kind !== "folded") continue;
    const folded = { rules: row.rules ?? {}, categories: row.categories ?? {} };
    result.set(row.day, appliedOrNull(row.day, () => applyFlagDeltas(folded, now.get(row.day) ?? [], deltas.get(row.day) ?? [])));
  }
  return result;
}

/**
 * The given days' rule and category figures, for those that have a folded row and are held (on or
 * after insights_decided_since.day); the other days are not in the map (computed from the flags).
 */
export async function readLiveFlagDays(reader: SqlReader, days: string[]): Promise<Map<string, FlagFigures>> {
  if (days.length === 0) return new Map();
  const rows = await reader.$queryRaw<FlagChangeRow[]>`
    WITH folded AS MATERIALIZED (
      SELECT f.day, f.rules, f.categories FROM insights_live_flag_day f
      WHERE f.day = ANY(${days}::date[]) AND f.day >= (SELECT s.day FROM insights_decided_since s WHERE s.id = 1)
    ),
    ${flagChangesSql(Prisma.raw("folded"), Prisma.raw("insights_live_flag_delta"))}`;
  const result = new Map<string, FlagFigures>();
  for (const [day, figures] of foldedFlagDays(rows)) if (figures) result.set(day, figures);
  return result;
}
