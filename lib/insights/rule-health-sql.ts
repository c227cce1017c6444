import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The `health` CTE: every live rule (and deleted ones that still fired) joined to a `fired` CTE of
 * per-rule counts ("ruleId", fired, hidden, approved, "autoHidden", pending). Shared by the
 * rollup's reader and the direct query it is checked against, so both order and round alike.
 */
export const RULE_HEALTH_CTE = Prisma.sql`health AS (
      SELECT r.id AS "ruleId", r.name, r.category::text AS category, r.action::text AS action, r.enabled,
             r."deletedAt" IS NOT NULL AS deleted,
             COALESCE(x.fired, 0) AS fired, COALESCE(x.hidden, 0) AS hidden, COALESCE(x.approved, 0) AS approved,
             COALESCE(x."autoHidden", 0) AS "autoHidden", COALESCE(x.pending, 0) AS pending,
             CASE WHEN x.hidden + x.approved > 0 THEN x.hidden::float8 / (x.hidden + x.approved) END AS "precision"
      FROM rule r LEFT JOIN fired x ON x."ruleId" = r.id
      WHERE r."deletedAt" IS NULL OR x.fired > 0
    )`;

/** Worst first: lowest precision, then the noisiest; undecided after those; never fired last. */
export const RULE_HEALTH_ORDER = Prisma.sql`h.fired = 0, h."precision" ASC NULLS LAST, h.fired DESC, h.name`;
