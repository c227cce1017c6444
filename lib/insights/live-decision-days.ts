import "server-only";
import type { SqlReader } from "./compute-day-summaries";
import type { DecisionDaySummary } from "./decision-day-summary";
import { appliedOrNull, applyDecisionDeltas, type DecisionDelta } from "./live-day-deltas";
import { decodeSortedSeconds } from "./stored-seconds";

// The live decision days (migration insights_live_days_folded): a day's folded row
// (insights_live_decision_day, the rollup job's fold-live-days.ts) plus the changes of
// insights_decided_comment appended since (insights_live_decision_delta), read in one statement,
// so one snapshot: a load costs the decisions since the last fold, not the day's decisions.

interface Row {
  kind: "folded" | "delta";
  day: string;
  summary: Omit<DecisionDaySummary, "latency" | "day"> | null;
  latency: Uint8Array | null;
  status: "APPROVED" | "HIDDEN" | null;
  decidedById: string | null;
  seconds: number;
  reason: string | null;
  count: number;
}

/** The given days that have a folded row and are held, with their deltas applied; the others are not in the map. */
export async function readLiveDecisionDays(reader: SqlReader, days: string[]): Promise<Map<string, DecisionDaySummary>> {
  if (days.length === 0) return new Map();
  const rows = await reader.$queryRaw<Row[]>`
    WITH folded AS MATERIALIZED (
      SELECT f.day, f.summary, f.latency FROM insights_live_decision_day f
      WHERE f.day = ANY(${days}::date[]) AND f.day >= (SELECT s.day FROM insights_decided_since s WHERE s.id = 1)
    )
    SELECT 'folded' AS kind, to_char(f.day, 'YYYY-MM-DD') AS day, f.summary, f.latency, NULL::text AS status, NULL::text AS "decidedById", 0::float8 AS seconds, NULL::text AS reason, 0 AS count
    FROM folded f
    UNION ALL
    SELECT 'delta', to_char(d.day, 'YYYY-MM-DD'), NULL, NULL, d.status::text, d."decidedById", d.seconds, d.reason::text, sum(d.sign)::int
    FROM insights_live_decision_delta d
    WHERE d.day IN (SELECT f.day FROM folded f)
    GROUP BY d.day, d.status, d."decidedById", d.seconds, d.reason
    HAVING sum(d.sign) <> 0`;
  return foldedWithDeltas(rows);
}

/** The folded rows among `rows` with the delta rows of their day applied; a day whose deltas do not fit is left out. */
export function foldedWithDeltas(rows: Row[]): Map<string, DecisionDaySummary> {
  const deltas = new Map<string, DecisionDelta[]>();
  for (const row of rows) {
    if (row.kind !== "delta") continue;
    const list = deltas.get(row.day) ?? [];
    list.push({ status: row.status!, decidedById: row.decidedById, seconds: row.seconds, reason: row.reason, count: row.count });
    deltas.set(row.day, list);
  }
  const result = new Map<string, DecisionDaySummary>();
  for (const row of rows) {
    if (row.kind !== "folded") continue;
    const folded: DecisionDaySummary = { ...row.summary!, day: row.day, latency: decodeSortedSeconds(row.latency) };
    const applied = appliedOrNull(row.day, () => applyDecisionDeltas(folded, deltas.get(row.day) ?? []));
    if (applied) result.set(row.day, applied);
  }
  return result;
}
