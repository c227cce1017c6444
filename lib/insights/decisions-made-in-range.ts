import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { rangeBounds, type DateRange } from "./date-range";
import { latencyByBucket, type DecisionLatency } from "./decision-latency";
import type { DecisionReason, DecisionsByReason } from "./decisions-by-reason";
import type { ModeratorThroughput } from "./moderator-throughput";
import { latestHideReasonJoin, localTime } from "./range-sql";

// The decision figures straight from the comments. The page reads them from decision-day summaries
// (decision-day-summary.ts, insights_decision_day); these queries are what those summaries must
// equal (decision-days.db.test.ts, insights-rollup.db.test.ts) and the insights bench's baseline.

/** The decision figures, placed by when the decision was made (not when the comment was posted). */
export interface DecisionFigures {
  latency: DecisionLatency;
  reasons: DecisionsByReason;
  /** Null when the viewer may not see per-moderator figures (the query is not even run). */
  moderators: ModeratorThroughput[] | null;
}

/**
 * Comments whose decision in force was made in [start, end): an undone or reverted decision is no
 * longer in force, and a later one replaces it. Two range scans of comment(status, decidedAt, id),
 * so the cost follows the decisions in the range; today's decisions on a 2015 thread count today.
 */
function decidedIn(range: DateRange): Prisma.Sql {
  const { start, end } = rangeBounds(range);
  return Prisma.sql`c.status IN ('APPROVED', 'HIDDEN') AND c."decidedAt" >= ${start}::timestamp AND c."decidedAt" < ${end}::timestamp`;
}

/** Import (comment.createdAt) to decision, people's decisions only: auto-hides take no time. */
function latencyByDecisionDay(range: DateRange): Promise<DecisionLatency> {
  return latencyByBucket(range, localTime(`c."decidedAt"`, range.timeZone), Prisma.sql`${decidedIn(range)} AND c."decidedById" IS NOT NULL`);
}

/** Hides in force made in the range by the hide's reason (people and rules apart), and approvals. */
async function reasonsByDecisionDay(range: DateRange): Promise<DecisionsByReason> {
  const rows = await db.$queryRaw<{ reason: DecisionReason | "APPROVED"; byModerators: number; byRules: number }[]>`
    SELECT CASE WHEN c.status = 'APPROVED' THEN 'APPROVED' ELSE COALESCE(h.reason::text, 'OTHER') END AS reason,
           count(*) FILTER (WHERE c."decidedById" IS NOT NULL)::int AS "byModerators",
           count(*) FILTER (WHERE c."decidedById" IS NULL)::int AS "byRules"
    FROM comment c
    ${latestHideReasonJoin("c")}
    WHERE ${decidedIn(range)}
    GROUP BY 1
    ORDER BY 2 DESC, 1`;
  const approved = rows.find((row) => row.reason === "APPROVED");
  return {
    hidden: rows.filter((row): row is DecisionsByReason["hidden"][number] => row.reason !== "APPROVED"),
    approved: approved ? approved.byModerators + approved.byRules : 0,
  };
}

/** Per moderator, the decisions in force they made in the range. */
function moderatorsByDecisionDay(range: DateRange): Promise<ModeratorThroughput[]> {
  return db.$queryRaw<ModeratorThroughput[]>`
    SELECT u.id AS "moderatorId", u.name, u.email, t.decided, t.approved, t.hidden
    FROM (
      SELECT c."decidedById",
             count(*)::int AS decided,
             count(*) FILTER (WHERE c.status = 'APPROVED')::int AS approved,
             count(*) FILTER (WHERE c.status = 'HIDDEN')::int AS hidden
      FROM comment c
      WHERE ${decidedIn(range)} AND c."decidedById" IS NOT NULL
      GROUP BY c."decidedById"
    ) t JOIN "user" u ON u.id = t."decidedById"
    ORDER BY t.decided DESC, u.email`;
}

export async function getDecisionsMadeInRange(range: DateRange, options: { withModerators: boolean }): Promise<DecisionFigures> {
  const [latency, reasons, moderators] = await Promise.all([
    latencyByDecisionDay(range),
    reasonsByDecisionDay(range),
    options.withModerators ? moderatorsByDecisionDay(range) : Promise.resolve(null),
  ]);
  return { latency, reasons, moderators };
}
