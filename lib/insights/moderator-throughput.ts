import "server-only";
import { db } from "@/lib/db/client";
import type { DateRange } from "./date-range";
import { HUMAN_DECIDED, postedIn } from "./range-sql";

export interface ModeratorThroughput {
  moderatorId: string;
  name: string;
  email: string;
  decided: number;
  approved: number;
  hidden: number;
}

/**
 * Per moderator: the decisions in force they made on comments posted in the range (an undone or
 * reverted decision is no longer theirs). Admins only: the page asks for insights:moderators.
 * Counts only: a per-moderator percentile would cost another sort of every decision in the range.
 */
export async function getModeratorThroughput(range: DateRange): Promise<ModeratorThroughput[]> {
  return db.$queryRaw<ModeratorThroughput[]>`
    SELECT u.id AS "moderatorId", u.name, u.email, t.decided, t.approved, t.hidden
    FROM (
      SELECT c."decidedById",
             count(*)::int AS decided,
             count(*) FILTER (WHERE c.status = 'APPROVED')::int AS approved,
             count(*) FILTER (WHERE c.status = 'HIDDEN')::int AS hidden
      FROM comment c
      WHERE ${postedIn(range)} AND ${HUMAN_DECIDED}
      GROUP BY c."decidedById"
    ) t JOIN "user" u ON u.id = t."decidedById"
    ORDER BY t.decided DESC, u.email`;
}
