import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { rangeBounds, type DateRange } from "./date-range";
import type { DecisionLatency, LatencyPoint } from "./decision-latency";
import type { DecisionReason, DecisionsByReason } from "./decisions-by-reason";
import type { ModeratorThroughput } from "./moderator-throughput";
import { bucketSql } from "./range-sql";

/** The decision figures, placed by when the decision was made (not when the comment was posted). */
export interface DecisionFigures {
  latency: DecisionLatency;
  reasons: DecisionsByReason;
  /** Null when the viewer may not see per-moderator figures (the query is not even run). */
  moderators: ModeratorThroughput[] | null;
}

/**
 * Decisions made in [start, end) that still stand: APPROVE and HIDE rows, less those an UNDO or
 * REVERT took back (a take-back always comes later, so only take-backs since the start are read).
 * Both scans are ranges of decision(createdAt, id): the cost follows the decisions in the range,
 * and today's decisions on a 2015 thread count today.
 */
function standing(range: DateRange): Prisma.Sql {
  const { start, end } = rangeBounds(range);
  return Prisma.sql`standing AS (
    SELECT d.id, d."commentId", d."toStatus", d.reason, d."moderatorId", d."createdAt"
    FROM decision d
    WHERE d."createdAt" >= ${start}::timestamp AND d."createdAt" < ${end}::timestamp
      AND d.action IN ('APPROVE', 'HIDE')
      AND NOT EXISTS (SELECT 1 FROM decision r WHERE r."createdAt" >= ${start}::timestamp AND r."revertsId" = d.id))`;
}

interface LatencyRow {
  day: string | null;
  decided: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** Import (comment.createdAt) to decision, people's decisions only: auto-hides take no time. */
async function latencyByDecisionDay(range: DateRange): Promise<DecisionLatency> {
  const [, rows] = await db.$transaction([
    db.$executeRaw`SET LOCAL work_mem = '32MB'`,
    db.$queryRaw<LatencyRow[]>`
      WITH ${standing(range)}
      SELECT day, decided, p[1] AS "medianSeconds", p[2] AS "p90Seconds" FROM (
        SELECT to_char(date_trunc(${bucketSql(range)}, s."createdAt"), 'YYYY-MM-DD') AS day,
               count(*)::int AS decided,
               percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM s."createdAt" - c."createdAt"))::float8[] AS p
        FROM standing s JOIN comment c ON c.id = s."commentId"
        WHERE s."moderatorId" IS NOT NULL
        GROUP BY GROUPING SETS ((date_trunc(${bucketSql(range)}, s."createdAt")), ())
      ) grouped
      ORDER BY day NULLS FIRST`,
  ]);
  const overall = rows.find((row) => row.day === null);
  return {
    overall: overall ? { decided: overall.decided, medianSeconds: overall.medianSeconds, p90Seconds: overall.p90Seconds } : { decided: 0, medianSeconds: null, p90Seconds: null },
    byDay: rows.filter((row): row is LatencyPoint => row.day !== null),
  };
}

/** Hides made in the range by reason (people and rules apart), and approvals made in it. */
async function reasonsByDecisionDay(range: DateRange): Promise<DecisionsByReason> {
  const rows = await db.$queryRaw<{ reason: DecisionReason | "APPROVED"; byModerators: number; byRules: number }[]>`
    WITH ${standing(range)}
    SELECT CASE WHEN s."toStatus" = 'APPROVED' THEN 'APPROVED' ELSE COALESCE(s.reason::text, 'OTHER') END AS reason,
           count(*) FILTER (WHERE s."moderatorId" IS NOT NULL)::int AS "byModerators",
           count(*) FILTER (WHERE s."moderatorId" IS NULL)::int AS "byRules"
    FROM standing s
    GROUP BY 1
    ORDER BY 2 DESC, 1`;
  const approved = rows.find((row) => row.reason === "APPROVED");
  return { hidden: rows.filter((row): row is DecisionsByReason["hidden"][number] => row.reason !== "APPROVED"), approved: approved ? approved.byModerators + approved.byRules : 0 };
}

/** Per moderator, the decisions they made in the range that still stand. */
function moderatorsByDecisionDay(range: DateRange): Promise<ModeratorThroughput[]> {
  return db.$queryRaw<ModeratorThroughput[]>`
    WITH ${standing(range)}
    SELECT u.id AS "moderatorId", u.name, u.email, t.decided, t.approved, t.hidden
    FROM (
      SELECT s."moderatorId",
             count(*)::int AS decided,
             count(*) FILTER (WHERE s."toStatus" = 'APPROVED')::int AS approved,
             count(*) FILTER (WHERE s."toStatus" = 'HIDDEN')::int AS hidden
      FROM standing s WHERE s."moderatorId" IS NOT NULL
      GROUP BY s."moderatorId"
    ) t JOIN "user" u ON u.id = t."moderatorId"
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
