import { Prisma } from "@/lib/generated/prisma/client";
import { UTC } from "@/lib/time-zone";
import { rangeBounds, type DateRange } from "./date-range";

// The one range predicate every insight query uses: comments posted in [start, end), which the
// comment(postedAt) index serves.

export function postedIn(range: DateRange, alias = "c"): Prisma.Sql {
  const { start, end } = rangeBounds(range);
  const column = Prisma.raw(`${alias}."postedAt"`);
  return Prisma.sql`${column} >= ${start}::timestamp AND ${column} < ${end}::timestamp`;
}

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/**
 * A zone name as an SQL literal. Inlined rather than bound: a GROUP BY must repeat its SELECT's
 * expression exactly, and two bound parameters are two expressions. The names come from
 * isTimeZone-checked settings; anything else is refused here too.
 */
export function zoneLiteral(timeZone: string): Prisma.Sql {
  if (!ZONE_NAME.test(timeZone)) throw new RangeError(`not a time zone name: ${JSON.stringify(timeZone)}`);
  return Prisma.raw(`'${timeZone}'`);
}

/** The wall-clock time in the zone of a UTC timestamp column (the column itself for UTC). */
export function localTime(column: string, timeZone: string): Prisma.Sql {
  return timeZone === UTC ? Prisma.raw(column) : Prisma.sql`((${Prisma.raw(column)} AT TIME ZONE 'UTC') AT TIME ZONE ${zoneLiteral(timeZone)})`;
}

/** date_trunc's field, as a literal from a closed set (never user text). */
export function bucketSql(range: DateRange): Prisma.Sql {
  return Prisma.raw(range.bucket === "week" ? "'week'" : "'day'");
}

/** Seconds from import to the decision in force, of a comment row aliased c. */
export const SECONDS_TO_DECISION = Prisma.raw(`extract(epoch FROM c."decidedAt" - c."createdAt")`);

/** Decided by a person (auto-hides have no decider: the rules decided, not human judgement). */
export const HUMAN_DECIDED = Prisma.raw(`c.status IN ('APPROVED', 'HIDDEN') AND c."decidedById" IS NOT NULL`);

/**
 * The queue's figures over comment rows aliased c: pending, flagged (a rule raised the priority, not
 * readers' reports alone, or held it), approved, hidden. One definition for the live days and the
 * direct queries they are checked against.
 */
export const STATUS_COUNTS = Prisma.raw(`count(*) FILTER (WHERE c.status = 'PENDING')::int AS pending,
             count(*) FILTER (WHERE c.priority > c."reportPriority" OR c."isHeld")::int AS flagged,
             count(*) FILTER (WHERE c.status = 'APPROVED')::int AS approved,
             count(*) FILTER (WHERE c.status = 'HIDDEN')::int AS hidden`);

/**
 * A LEFT JOIN giving h.reason: the reason of the hide in force of a comment row (aliased `alias`)
 * that is HIDDEN, null otherwise. One definition for the decision-day summaries and the direct
 * queries they are checked against (a later hide's reason wins; equal times go to the later row).
 */
export function latestHideReasonJoin(alias: string): Prisma.Sql {
  return Prisma.raw(`LEFT JOIN LATERAL (
      SELECT hd.reason FROM decision hd
      WHERE ${alias}.status = 'HIDDEN' AND hd."commentId" = ${alias}.id AND hd."toStatus" = 'HIDDEN'
      ORDER BY hd."createdAt" DESC, hd.id DESC LIMIT 1
    ) h ON TRUE`);
}
