import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { checkDirectUrl, pgConfigFromUrl } from "./connection-url";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { ensureEmbeddedRoles, grantAppRights, type EmbeddedRoleUrls } from "./embedded-roles";
import { applyPendingMigrations } from "./migrations";

// Which PostgreSQL a command talks to, and as whom: DATABASE_URL when set; else the embedded server of a
// running `npm start` (found through .moddesk/runtime.json); else an embedded server of its own.

export interface ResolvedDatabase {
  /** What the app and the CLI connect with: the embedded server's app role, or DATABASE_URL. */
  url: string;
  /** What migrations run as: the embedded server's owner role, or DIRECT_DATABASE_URL, else DATABASE_URL. */
  ownerUrl: string;
  embedded: boolean;
  /** Where the embedded cluster's files are, when this process started it. */
  clusterDir?: string;
  /** Stops the embedded server this process started; a no-op otherwise. */
  release: () => Promise<void>;
}

interface RuntimeFile {
  url: string;
  ownerUrl: string;
  pid: number;
}

function runtimeFilePath(dataDir: string): string {
  return path.join(dataDir, "runtime.json");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function runningEmbedded(dataDir: string): RuntimeFile | null {
  const file = runtimeFilePath(dataDir);
  if (!existsSync(file)) return null;
  try {
    const runtime = JSON.parse(readFileSync(file, "utf8")) as Partial<RuntimeFile>;
    // A runtime file from before the roles (no ownerUrl) belongs to an older npm start: not shared.
    return runtime.pid !== undefined && isAlive(runtime.pid) && runtime.url && runtime.ownerUrl ? (runtime as RuntimeFile) : null;
  } catch {
    return null;
  }
}

export async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ ...pgConfigFromUrl(url), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const config = pgConfigFromUrl(url);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach the database at ${config.host}:${config.port}/${config.database}: ${reason}\nCheck DATABASE_URL, or unset it to use Moddesk's embedded PostgreSQL.`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function resolveDatabase(options: {
  databaseUrl?: string;
  /** DIRECT_DATABASE_URL: the same database without PgBouncer in between; migrations need a session of their own. */
  directDatabaseUrl?: string;
  dataDir: string;
  owner?: boolean;
  log?: (line: string) => void;
}): Promise<ResolvedDatabase> {
  if (options.directDatabaseUrl && !options.databaseUrl) {
    throw new Error("DIRECT_DATABASE_URL is set but DATABASE_URL is not: set both (DATABASE_URL through PgBouncer, DIRECT_DATABASE_URL straight to PostgreSQL) or neither (the embedded database)");
  }
  if (options.databaseUrl) {
    await checkReachable(options.databaseUrl);
    if (options.directDatabaseUrl) {
      checkDirectUrl(options.databaseUrl, options.directDatabaseUrl);
      await checkReachable(options.directDatabaseUrl);
    }
    // Prisma's migration engine takes a session advisory lock and lets the connection's end release it:
    // through a transaction-pooling PgBouncer the lock stays with a server connection (docs/operations.md).
    return { url: options.databaseUrl, ownerUrl: options.directDatabaseUrl ?? options.databaseUrl, embedded: false, release: async () => {} };
  }
  const running = runningEmbedded(options.dataDir);
  if (running) return { url: running.url, ownerUrl: running.ownerUrl, embedded: true, release: async () => {} };

  const server = await startEmbeddedPostgres({ baseDir: options.dataDir, log: options.log });
  let roles: EmbeddedRoleUrls;
  try {
    roles = await ensureEmbeddedRoles(server.url, options.dataDir);
  } catch (error) {
    await server.stop();
    throw error;
  }
  // The owner (npm start) advertises its server so that CLI commands can share it meanwhile. The
  // file holds passwords: readable by this user alone.
  if (options.owner) {
    const file = runtimeFilePath(options.dataDir);
    writeFileSync(file, JSON.stringify({ url: roles.appUrl, ownerUrl: roles.ownerUrl, pid: process.pid } satisfies RuntimeFile), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return {
    url: roles.appUrl,
    ownerUrl: roles.ownerUrl,
    embedded: true,
    clusterDir: server.clusterDir,
    release: async () => {
      if (options.owner) rmSync(runtimeFilePath(options.dataDir), { force: true });
      await server.stop();
    },
  };
}

/** Applies pending migrations as the owner; on the embedded server, then brings the app role's rights up to date. */
export async function migrateResolvedDatabase(database: ResolvedDatabase): Promise<string[]> {
  const applied = await applyPendingMigrations(database.ownerUrl);
  if (database.embedded) await grantAppRights(database.ownerUrl);
  return applied;
}
