// Two database roles instead of one superuser: the owner runs migrations and owns every table; the
// app role reads and writes rows but may not UPDATE, DELETE or TRUNCATE the audit log, nor disable
// its trigger (only an owner or a superuser can). pg-boss's schema belongs to the app role, because
// pg-boss creates a table per queue at run time. Pure SQL text here: lib/db/embedded-roles.ts applies
// it to the embedded server, scripts/db-roles.ts prints or applies it for a user's own PostgreSQL.

export const OWNER_ROLE = "moddesk_owner";
export const APP_ROLE = "moddesk_app";
export const BOSS_SCHEMA = "pgboss";

export interface RoleNames {
  owner: string;
  app: string;
  database: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Role and database names go into SQL text: only plain lower-case identifiers are accepted. */
export function checkRoleNames(names: RoleNames): RoleNames {
  for (const [what, name] of Object.entries(names)) {
    if (!IDENTIFIER.test(name)) throw new Error(`${what} name '${name}' must be lower-case letters, digits and _ (starting with a letter or _)`);
  }
  return names;
}

/** pg-boss's own tables and functions (its construction plan), for a database that has none yet. */
export async function bossInstallSql(): Promise<string> {
  const { default: PgBoss } = await import("pg-boss");
  return PgBoss.getConstructionPlans(BOSS_SCHEMA);
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function ensureRole(role: string, password: string | null, extra: string): string {
  const withPassword = password === null ? "" : ` PASSWORD ${quoteLiteral(password)}`;
  return `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role}; END IF;
END $$;
ALTER ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${extra}${withPassword};`;
}

/** Roles, the database's owner and pg-boss's schema: run by a superuser (or a role with CREATEROLE and ownership of the database). */
export function clusterSetupSql(names: RoleNames, passwords: { owner: string | null; app: string | null }, bossInstall: string | null): string {
  const { owner, app, database } = checkRoleNames(names);
  return [
    ensureRole(owner, passwords.owner, ""),
    ensureRole(app, passwords.app, ""),
    `ALTER DATABASE ${database} OWNER TO ${owner};`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC;`,
    `GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${app};`,
    `CREATE SCHEMA IF NOT EXISTS ${BOSS_SCHEMA} AUTHORIZATION ${app};`,
    // pg-boss runs CREATE SCHEMA IF NOT EXISTS when its tables are missing, which needs CREATE on
    // the database: its tables are made here, by the administrator, and then given to the app role.
    ...(bossInstall === null ? [] : [bossInstall]),
    reownSchemaSql("public", owner),
    reownSchemaSql(BOSS_SCHEMA, app),
  ].join("\n");
}

/**
 * Gives every object of `schema` to `role`. For databases set up before the roles existed (the
 * embedded server's tables belonged to the superuser). REASSIGN OWNED cannot take objects from the
 * bootstrap superuser, hence the loop. Sequences owned by a column follow their table.
 */
export function reownSchemaSql(schema: string, role: string): string {
  return `DO $$
DECLARE item record;
BEGIN
  EXECUTE format('ALTER SCHEMA %I OWNER TO %I', '${schema}', '${role}');
  FOR item IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = '${schema}' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> '${role}'::regrole LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I', CASE item.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, item.name, '${role}');
  END LOOP;
  FOR item IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = '${schema}' AND c.relkind = 'S' AND c.relowner <> '${role}'::regrole
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', item.name, '${role}');
  END LOOP;
  FOR item IN SELECT p.oid::regprocedure AS name, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = '${schema}' AND p.proowner <> '${role}'::regrole AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I', CASE item.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, item.name, '${role}');
  END LOOP;
  FOR item IN SELECT t.oid::regtype AS name, t.typtype FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = '${schema}' AND t.typtype IN ('e', 'd', 'r') AND t.typowner <> '${role}'::regrole LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I', CASE item.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, item.name, '${role}');
  END LOOP;
END $$;`;
}

/** The app role's rights on Moddesk's tables: run as the owner after every migration. */
export function appGrantsSql(names: Pick<RoleNames, "owner" | "app">): string {
  const { owner, app } = names;
  checkRoleNames({ ...names, database: "x" });
  return [
    `GRANT USAGE ON SCHEMA public TO ${app};`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app};`,
    // The audit log: read and append, nothing else (the append-only trigger stays the owner's).
    `REVOKE ALL ON audit_event FROM ${app};`,
    `GRANT SELECT, INSERT ON audit_event TO ${app};`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app};`,
  ].join("\n");
}
