import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatusName } from "./queue-item";

/**
 * The full-text index is one partial GIN index per status (migration queue_10m_indexes):
 * a Pending search reads the postings of pending comments only. With one index for every status,
 * a search intersected its terms with the status's posting list inside the index, and decoding
 * that list (875,000 pending comments at 10M) cost more than the rest of the search.
 *
 * A condition must name the status in SQL for the planner to prove an index's predicate: written
 * here as literals (a parameter could leave a generic plan unable to use any of them).
 */
const IN_STATUS: Record<CommentStatusName, Prisma.Sql> = {
  PENDING: Prisma.sql`c.status = 'PENDING'`,
  APPROVED: Prisma.sql`c.status = 'APPROVED'`,
  HIDDEN: Prisma.sql`c.status = 'HIDDEN'`,
};

/**
 * Every status as an OR: always true (status is NOT NULL), and it lets the planner search all
 * three indexes (a BitmapOr) where no status is asked for (the All tab); without it, no index applies.
 */
const ANY_STATUS = Prisma.sql`(${Prisma.join(Object.values(IN_STATUS), " OR ")})`;

/** The condition on `c` that selects the search index(es) of a tab's status (null: every status). */
export function searchIndexScope(status: CommentStatusName | null): Prisma.Sql {
  return status ? IN_STATUS[status] : ANY_STATUS;
}
