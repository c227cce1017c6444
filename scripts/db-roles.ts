// `npm run db:roles`: the production roles for a PostgreSQL of your own (docs/security-data.md).
// Prints the SQL: roles, database owner, pg-boss's schema, then the app role's rights. With
// --apply --admin-url URL (a superuser, or a role with CREATEROLE that owns the database) it runs
// it, migrates as the owner, grants, and prints the two URLs to use.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { applyProductionRoles } from "@/lib/db/apply-roles";
import { pgConfigFromUrl } from "@/lib/db/connection-url";
import { APP_ROLE, appGrantsSql, BOSS_SCHEMA, bossInstallSql, checkRoleNames, clusterSetupSql, OWNER_ROLE, reownSchemaSql } from "@/lib/db/roles";
import { fail, say } from "./lib/output";

const USAGE = `usage: npm run db:roles -- [--database moddesk] [--owner ${OWNER_ROLE}] [--app ${APP_ROLE}] [--apply --admin-url postgresql://admin@host/moddesk]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { database: { type: "string" }, owner: { type: "string" }, app: { type: "string" }, apply: { type: "boolean" }, "admin-url": { type: "string" }, help: { type: "boolean" } },
    strict: true,
  });
  if (values.help) return say(USAGE);
  const adminUrl = values["admin-url"];
  if (values.apply && !adminUrl) throw new Error(`--apply needs --admin-url (a superuser's URL, connected to Moddesk's database)\n${USAGE}`);
  const database = values.database ?? (adminUrl ? (pgConfigFromUrl(adminUrl).database ?? "moddesk") : "moddesk");
  const names = checkRoleNames({ owner: values.owner ?? OWNER_ROLE, app: values.app ?? APP_ROLE, database });
  const passwords = { owner: randomBytes(18).toString("base64url"), app: randomBytes(18).toString("base64url") };

  if (!values.apply || !adminUrl) {
    say(`-- 1. As a superuser, connected to the database ${database} (CREATE DATABASE ${database}; first if needed):`);
    say(`--    Passwords generated for this run; keep them (they go into the URLs below).`);
    say(clusterSetupSql(names, passwords, null));
    say(`-- pg-boss's tables, made here because the app role may not create schemas (skip if ${BOSS_SCHEMA}.version exists):`);
    say(await bossInstallSql());
    say(reownSchemaSql(BOSS_SCHEMA, names.app));
    say(`\n-- 2. Migrate as the owner: DATABASE_URL='postgresql://${names.owner}:${passwords.owner}@HOST:5432/${database}' npm run db:migrate`);
    say(`-- 3. Then, as ${names.owner} (again after every migration that adds a table is harmless):`);
    say(appGrantsSql(names));
    say(`\n-- 4. Run the app with DATABASE_URL='postgresql://${names.app}:${passwords.app}@HOST:5432/${database}'`);
    say(`--    Behind PgBouncer in transaction mode: DATABASE_URL through it, DIRECT_DATABASE_URL straight to PostgreSQL (docs/operations.md, "PgBouncer").`);
    return;
  }
  const { ownerUrl, appUrl, appliedMigrations: applied } = await applyProductionRoles(adminUrl, names, passwords);
  say(`Roles ${names.owner} and ${names.app} are set up on ${database}${applied.length > 0 ? `; applied ${applied.length} migration(s)` : ""}.`);
  say(`Migrations (npm run db:migrate): DATABASE_URL=${ownerUrl}`);
  say(`The app and the CLI:             DATABASE_URL=${appUrl}`);
  say(`Behind PgBouncer in transaction mode, DATABASE_URL goes through it and DIRECT_DATABASE_URL (the same URL) straight to PostgreSQL; migrations straight to PostgreSQL (docs/operations.md, "PgBouncer").`);
  say("These passwords are shown only now; running this again sets new ones.");
}

try {
  await main();
} catch (error) {
  fail(error);
}
