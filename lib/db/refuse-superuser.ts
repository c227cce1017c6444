import pg from "pg";
import { pgConfigFromUrl } from "./connection-url";

// The app and the CLI never run as a database superuser, nor as the owner of the audit table: either
// can switch off the audit table's append-only trigger and rewrite history. A role that is a member
// of a superuser or of the owner counts as one (it can SET ROLE to it), and so do the owner of the
// table's schema or of the database (either can DROP the table without owning it) and a role with
// CREATEROLE (it can grant itself the owner). The embedded setup never hands out such a URL; a
// DATABASE_URL of the operator's own is checked here, at start, before anything is served.

export const ALLOW_SUPERUSER_VARIABLE = "MODDESK_ALLOW_SUPERUSER";

export class SuperuserRefusedError extends Error {}

/** What a login may do to the audit log, as PostgreSQL says. */
export interface LoginPowers {
  role: string;
  superuser: boolean;
  /** Superuser roles this login is a member of (can SET ROLE to). */
  superuserVia: string | null;
  /** The audit table's owner when this login is it or a member of it; null when not (or no table yet). */
  auditOwner: string | null;
  /**
   * The owner of the audit table's schema, or of the database, when this login is it or a member
   * of it (the owner of `public` is often `pg_database_owner`, the database's owner): either may
   * DROP the audit table without owning it (the database's owner drops the whole database).
   */
  auditContainerOwner?: string | null;
  /** CREATEROLE: before PostgreSQL 16 it grants itself any role that is not a superuser, the audit table's owner included. */
  createRole?: boolean;
  /** The CREATEROLE roles this login is a member of (it can SET ROLE to one, then do the same), or null. */
  createRoleVia?: string | null;
}

const FIX = "Run `npm run db:roles -- --apply --admin-url <an administrator's URL>` and set DATABASE_URL to the app role's URL it prints";

/** The message an operator reads when DATABASE_URL logs in as a superuser: what is wrong and the fix. */
export function superuserRefusal(role: string): string {
  return (
    `DATABASE_URL logs in as "${role}", a PostgreSQL superuser, and Moddesk refuses to run as one (it could rewrite the audit log). ` +
    "Run `npm run db:roles -- --apply --admin-url <that URL>` and set DATABASE_URL to the app role's URL it prints " +
    `(${ALLOW_SUPERUSER_VARIABLE}=1 overrides this, for a throwaway database only).`
  );
}

/** Why this login may not run the app, or null. Pure, so every case is unit-tested. */
export function loginRefusal(powers: LoginPowers): string | null {
  if (powers.superuser) return superuserRefusal(powers.role);
  const override = `(${ALLOW_SUPERUSER_VARIABLE}=1 overrides this, for a throwaway database only).`;
  if (powers.superuserVia) {
    return `DATABASE_URL logs in as "${powers.role}", a member of the PostgreSQL superuser role "${powers.superuserVia}" (it can SET ROLE to it and rewrite the audit log), and Moddesk refuses to run as one. ${FIX} ${override}`;
  }
  if (powers.auditOwner) {
    const as = powers.auditOwner === powers.role ? "owns the audit table" : `is a member of "${powers.auditOwner}", the owner of the audit table`;
    return `DATABASE_URL logs in as "${powers.role}", which ${as}: it could switch off the table's append-only trigger, so Moddesk refuses to run as it (migrations run as the owner, the app as another role). ${FIX} ${override}`;
  }
  if (powers.auditContainerOwner) {
    const as = powers.auditContainerOwner === powers.role ? "owns" : `is a member of "${powers.auditContainerOwner}", which owns`;
    return `DATABASE_URL logs in as "${powers.role}", which ${as} the audit table's schema or the database: it could drop the audit table, so Moddesk refuses to run as it (the owner role owns them, the app role neither). ${FIX} ${override}`;
  }
  if (powers.createRole || powers.createRoleVia) {
    const has = powers.createRole ? "has CREATEROLE" : `is a member of "${powers.createRoleVia}", which has CREATEROLE`;
    return `DATABASE_URL logs in as "${powers.role}", which ${has}: it can give itself the role that owns the audit table (any role before PostgreSQL 16, the roles it made after), so Moddesk refuses to run as it. ${FIX} ${override}`;
  }
  return null;
}

const POWERS_SQL = `
  SELECT current_user AS role,
         r.rolsuper AS superuser,
         (SELECT string_agg(s.rolname, ', ' ORDER BY s.rolname) FROM pg_roles s
           WHERE s.rolsuper AND s.rolname <> current_user AND pg_has_role(current_user, s.oid, 'MEMBER')) AS "superuserVia",
         (SELECT pg_get_userbyid(c.relowner) FROM pg_class c
           WHERE c.oid = to_regclass('audit_event') AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS "auditOwner",
         COALESCE(
           (SELECT pg_get_userbyid(n.nspowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.oid = to_regclass('audit_event') AND pg_has_role(current_user, n.nspowner, 'MEMBER')),
           (SELECT pg_get_userbyid(d.datdba) FROM pg_database d
             WHERE d.datname = current_database() AND pg_has_role(current_user, d.datdba, 'MEMBER'))
         ) AS "auditContainerOwner",
         r.rolcreaterole AS "createRole",
         (SELECT string_agg(s.rolname, ', ' ORDER BY s.rolname) FROM pg_roles s
           WHERE s.rolcreaterole AND s.rolname <> current_user AND pg_has_role(current_user, s.oid, 'MEMBER')) AS "createRoleVia"
    FROM pg_roles r WHERE r.rolname = current_user`;

/** Throws SuperuserRefusedError when `url` logs in as a superuser or the audit table's owner, unless the override is set (then returns a warning). */
export async function refuseSuperuser(url: string, allowOverride = process.env[ALLOW_SUPERUSER_VARIABLE] === "1"): Promise<string | null> {
  const client = new pg.Client({ ...pgConfigFromUrl(url), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<LoginPowers>(POWERS_SQL);
    const powers = rows[0];
    const refusal = powers ? loginRefusal(powers) : null;
    if (!refusal || !powers) return null;
    if (allowOverride) {
      const what = powers.superuser ? `the superuser "${powers.role}"` : `"${powers.role}", which can rewrite the audit log,`;
      return `Warning: running as ${what} because ${ALLOW_SUPERUSER_VARIABLE}=1: the audit log is not protected from this login.`;
    }
    throw new SuperuserRefusedError(refusal);
  } finally {
    await client.end().catch(() => {});
  }
}
