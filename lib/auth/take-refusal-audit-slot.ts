import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";

// How many refused sign-ins become audit events of their own. A refusal (a throttled guess, password
// sign-in turned off, an SSO callback that failed before anyone was known, an SSO sign-in refused by
// Moddesk's rules) costs an anonymous caller one request, and each audit event is a row the
// append-only log keeps forever, appended under the one lock every decision also takes: a single
// address hammering the sign-in wrote hundreds of events a second. Past REFUSAL_AUDITS_PER_MINUTE,
// refusals are counted instead, and the next audited one carries the count, so every refusal is
// still accounted for.
//
// The budget is one row in PostgreSQL, not a counter in memory: with a counter per process, N app
// instances behind a load balancer gave an attacker N times the budget (docs/operations.md promises
// that nothing that matters is kept per process). One statement claims the slot under the row's
// lock, on the database's clock, so instances with skewed clocks share one window.

export const REFUSAL_AUDITS_PER_MINUTE = 60;

export interface RefusalAuditSlot {
  /** Whether this refusal gets its own audit event. */
  isAudited: boolean;
  /** Refusals counted but not audited since the last audited one (for its details). */
  unauditedBefore: number;
}

/** Claims this refusal's place in the budget all app instances share. `at` is for tests only. */
export async function takeRefusalAuditSlot(options: { at?: Date } = {}): Promise<RefusalAuditSlot> {
  const at = options.at ?? null;
  // A minute is over when it began a minute ago, or "later" than now: a database clock stepped
  // back would otherwise hold the budget at zero until it caught up.
  const isNewWindow = Prisma.sql`(EXCLUDED.window_start - b.window_start >= interval '1 minute' OR EXCLUDED.window_start < b.window_start)`;
  // `fresh`: the row's minute is over, a new one starts with this refusal. `handed` keeps the count
  // an audited refusal takes over (RETURNING sees only the new row).
  const rows = await db.$queryRaw<{ unaudited: number; handed: number }[]>`
    INSERT INTO refusal_audit_budget AS b (id, window_start, used, unaudited, handed)
    VALUES (1, COALESCE(${at}::timestamptz, statement_timestamp()), 1, 0, 0)
    ON CONFLICT (id) DO UPDATE SET
      window_start = CASE WHEN ${isNewWindow} THEN EXCLUDED.window_start ELSE b.window_start END,
      used = CASE WHEN ${isNewWindow} THEN 1 WHEN b.used < ${REFUSAL_AUDITS_PER_MINUTE} THEN b.used + 1 ELSE b.used END,
      unaudited = CASE WHEN ${isNewWindow} OR b.used < ${REFUSAL_AUDITS_PER_MINUTE} THEN 0 ELSE b.unaudited + 1 END,
      handed = CASE WHEN ${isNewWindow} OR b.used < ${REFUSAL_AUDITS_PER_MINUTE} THEN b.unaudited ELSE 0 END
    RETURNING unaudited, handed`;
  const row = rows[0];
  if (!row) throw new Error("refusal_audit_budget: the claim returned no row");
  return row.unaudited === 0 ? { isAudited: true, unauditedBefore: row.handed } : { isAudited: false, unauditedBefore: 0 };
}
