import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { pgConfigFromUrl } from "./connection-url";
import { APP_ROLE, appGrantsSql, BOSS_SCHEMA, bossInstallSql, clusterSetupSql, OWNER_ROLE } from "./roles";

// The embedded server's roles, created (or brought up to date) on every start: a data folder made
// by an earlier version, whose tables belong to the superuser, is upgraded in place.

interface RolePasswords {
  owner: string;
  app: string;
}

export interface EmbeddedRoleUrls {
  ownerUrl: string;
  appUrl: string;
}

function readOrCreatePasswords(file: string): RolePasswords {
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    return JSON.parse(readFileSync(file, "utf8")) as RolePasswords;
  }
  const passwords = { owner: randomBytes(18).toString("base64url"), app: randomBytes(18).toString("base64url") };
  writeFileSync(file, `${JSON.stringify(passwords)}\n`, { mode: 0o600 });
  return passwords;
}

function urlAs(superuserUrl: string, role: string, password: string): string {
  const url = new URL(superuserUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

async function query(url: string, sql: string): Promise<{ installed?: boolean }[]> {
  const client = new pg.Client({ ...pgConfigFromUrl(url), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<{ installed?: boolean }>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function run(url: string, sql: string): Promise<void> {
  await query(url, sql);
}

/** Creates the owner and app roles on the embedded server (as its superuser); returns their URLs. */
export async function ensureEmbeddedRoles(superuserUrl: string, dataDir: string): Promise<EmbeddedRoleUrls> {
  const passwords = readOrCreatePasswords(path.join(dataDir, "db-roles.json"));
  const database = pgConfigFromUrl(superuserUrl).database ?? "postgres";
  const bossInstalled = await query(superuserUrl, `SELECT to_regclass('${BOSS_SCHEMA}.version') IS NOT NULL AS installed`);
  const bossInstall = bossInstalled[0]?.installed ? null : await bossInstallSql();
  await run(superuserUrl, clusterSetupSql({ owner: OWNER_ROLE, app: APP_ROLE, database }, passwords, bossInstall));
  return { ownerUrl: urlAs(superuserUrl, OWNER_ROLE, passwords.owner), appUrl: urlAs(superuserUrl, APP_ROLE, passwords.app) };
}

/** After migrations, as the owner: the app role's rights on every table, the audit log's kept narrow. */
export async function grantAppRights(ownerUrl: string): Promise<void> {
  await run(ownerUrl, appGrantsSql({ owner: OWNER_ROLE, app: APP_ROLE }));
}
