import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { pgConfigFromUrl } from "./connection-url";
import { startEmbeddedPostgres } from "./embedded-postgres";

// Which PostgreSQL a command talks to: DATABASE_URL when set; else the embedded server of a
// running `npm start` (found through .moddesk/runtime.json); else an embedded server of its own.

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded server this process started; a no-op otherwise. */
  release: () => Promise<void>;
}

interface RuntimeFile {
  url: string;
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
    const runtime = JSON.parse(readFileSync(file, "utf8")) as RuntimeFile;
    return isAlive(runtime.pid) ? runtime : null;
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

export async function resolveDatabase(options: { databaseUrl?: string; dataDir: string; owner?: boolean; log?: (line: string) => void }): Promise<ResolvedDatabase> {
  if (options.databaseUrl) {
    await checkReachable(options.databaseUrl);
    return { url: options.databaseUrl, embedded: false, release: async () => {} };
  }
  const running = runningEmbedded(options.dataDir);
  if (running) return { url: running.url, embedded: true, release: async () => {} };

  const server = await startEmbeddedPostgres({ baseDir: options.dataDir, log: options.log });
  // The owner (npm start) advertises its server so that CLI commands can share it meanwhile.
  if (options.owner) writeFileSync(runtimeFilePath(options.dataDir), JSON.stringify({ url: server.url, pid: process.pid } satisfies RuntimeFile));
  return {
    url: server.url,
    embedded: true,
    release: async () => {
      if (options.owner) rmSync(runtimeFilePath(options.dataDir), { force: true });
      await server.stop();
    },
  };
}
