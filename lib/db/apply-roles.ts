import pg from "pg";
import { pgConfigFromUrl } from "./connection-url";
import { applyPendingMigrations } from "./migrations";
import { appGrantsSql, BOSS_SCHEMA, bossInstallSql, clusterSetupSql, type RoleNames } from "./roles";

// `npm run db:roles -- --apply`: the production roles on a PostgreSQL of the user's own, set up
// by an administrator's URL; migrations then run as the owner, and the app role gets its rights.

export interface AppliedRoles {
  ownerUrl: string;
  appUrl: string;
  appliedMigrations: string[];
}

export function urlAs(baseUrl: string, role: string, password: string): string {
  const url = new URL(baseUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

async function run(url: string, sql: string): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ ...pgConfigFromUrl(url), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const result = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[];
    return Array.isArray(result) ? result : [result];
  } finally {
    await client.end();
  }
}

export async function applyProductionRoles(adminUrl: string, names: RoleNames, passwords: { owner: string; app: string }): Promise<AppliedRoles> {
  const [installed] = await run(adminUrl, `SELECT to_regclass('${BOSS_SCHEMA}.version') IS NOT NULL AS installed`);
  const bossInstall = (installed?.rows[0] as { installed?: boolean } | undefined)?.installed ? null : await bossInstallSql();
  await run(adminUrl, clusterSetupSql(names, passwords, bossInstall));
  const ownerUrl = urlAs(adminUrl, names.owner, passwords.owner);
  const appliedMigrations = await applyPendingMigrations(ownerUrl);
  await run(ownerUrl, appGrantsSql(names));
  return { ownerUrl, appUrl: urlAs(adminUrl, names.app, passwords.app), appliedMigrations };
}
