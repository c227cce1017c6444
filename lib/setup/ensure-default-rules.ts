import "server-only";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { getDirectPgPool } from "@/lib/db/pg-pool";
import { installDefaultRulePack } from "@/lib/rules/install-default-pack";
import { describePendingRecheck, recheckPendingComments } from "@/lib/rules/recheck-pending-comments";

/** The advisory lock every first-run step takes (first-run.ts too): two entry points at once install once. */
export const FIRST_RUN_LOCK = 7_240_002;

/**
 * The default rule pack on a database that has never had a rule. Every entry point calls it (npm start,
 * the web server at start for the API, every CLI command): an import straight after `db:migrate` on a
 * database of one's own used to flag nothing at all. A desk that deleted its rules keeps their rows
 * (soft delete), so this never brings back rules someone removed.
 */
export async function ensureDefaultRules(log: (line: string) => void = () => {}): Promise<number> {
  if ((await db.rule.count()) > 0) return 0;
  const lockHolder = await getDirectPgPool().connect();
  await lockHolder.query("SELECT pg_advisory_lock($1)", [FIRST_RUN_LOCK]);
  try {
    if ((await db.rule.count()) > 0) return 0;
    const installed = await installDefaultRulePack(SYSTEM_ACTOR);
    log(`Installed the default rule pack (${installed} rules)`);
    await recheckStoredComments(log);
    return installed;
  } finally {
    await lockHolder.query("SELECT pg_advisory_unlock($1)", [FIRST_RUN_LOCK]).catch(() => {});
    lockHolder.release();
  }
}

/**
 * Comments stored before the first rules (an import from an older version, or straight into the
 * tables) are pending with no flag: the new rules re-check them, as after any rule change.
 */
export async function recheckStoredComments(log: (line: string) => void): Promise<void> {
  if ((await db.comment.count({ where: { status: "PENDING" } })) === 0) return;
  log(describePendingRecheck(await recheckPendingComments(SYSTEM_ACTOR)));
}

/** Said in every import's summary when nothing could be flagged: a silent empty rule set looks like a clean file. */
export const NO_ENABLED_RULES_WARNING = "No rule is enabled, so nothing in this import was flagged. Enable rules on the Rules page (or install the default pack), then use Re-run rules.";

export async function hasEnabledRules(): Promise<boolean> {
  return (await db.rule.count({ where: { enabled: true, deletedAt: null } })) > 0;
}
