// `npm start`: the whole app on one command. Uses DATABASE_URL when set, else an embedded
// PostgreSQL kept in .moddesk/; migrates; loads the demo data on first run; builds the app when
// its sources changed; serves it; stops everything cleanly on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { auditKey } from "@/lib/audit/audit-key";
import { checkpointAuditChain } from "@/lib/audit/checkpoint-chain";
import { ensurePrivateFolder, readOrCreateSecret } from "@/lib/db/data-folder";
import { migrateResolvedDatabase, resolveDatabase, type ResolvedDatabase } from "@/lib/db/resolve-database";
import { refuseSuperuser } from "@/lib/db/refuse-superuser";
import { env, projectRoot } from "@/lib/env";
import { buildIfStale } from "./lib/build-if-stale";
import { listenArguments, localUrl, probeHost } from "./lib/listen-address";
import { escapingStream, fail, say } from "./lib/output";

const CHECKPOINT_INTERVAL_MS = 10 * 60_000;

async function ensurePortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === "EADDRINUSE" ? `port ${port} is already in use (another Moddesk, or another app). Stop it, or choose a port: PORT=${port + 1} npm start` : `cannot listen on ${host}:${port}: ${error.message}`)),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

function ensureAuthSecret(dataDir: string): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  return readOrCreateSecret(path.join(dataDir, "auth-secret"), () => randomBytes(32).toString("base64url"));
}

/**
 * Signed checkpoints of the audit chain while the app runs: at start, every ten minutes and at
 * stop. Returns the function that writes the last one and stops the timer.
 */
function startAuditCheckpoints(databaseUrl: string): () => Promise<void> {
  const write = () => checkpointAuditChain(databaseUrl).catch((error: unknown) => say(`Could not write an audit checkpoint: ${error instanceof Error ? error.message : String(error)}`));
  void write();
  const timer = setInterval(() => void write(), CHECKPOINT_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await write();
  };
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the web server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/sign-in`, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the web server did not answer within 60 seconds");
}

function withPeerAddressStamp(nodeOptions: string | undefined): string {
  const preload = `--import=${JSON.stringify(pathToFileURL(path.join(projectRoot, "scripts/lib/stamp-peer-address.mjs")).href)}`;
  return nodeOptions ? `${nodeOptions} ${preload}` : preload;
}

/** `npm start -- --admin-email=you@example.org`: the first admin's address, used only on the first start. */
function adminEmailOption(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === "--admin-email" || arg.startsWith("--admin-email="));
  if (index === -1) return undefined;
  const arg = argv[index] ?? "";
  const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[index + 1];
  const parsed = z.email().safeParse(value);
  if (!parsed.success) throw new Error(`--admin-email needs an email address (got ${JSON.stringify(value ?? "")}), e.g. npm start -- --admin-email=you@example.org`);
  return parsed.data;
}

async function main(): Promise<void> {
  const { PORT: port, HOST: host, MODDESK_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DIRECT_DATABASE_URL: directDatabaseUrl } = env();
  ensurePrivateFolder(dataDir);
  await ensurePortFree(host, port);
  process.env.BETTER_AUTH_SECRET = ensureAuthSecret(dataDir);
  // Created here, before the web server starts, so that every process uses the same key.
  auditKey();

  let database: ResolvedDatabase | null = null;
  let server: ChildProcess | null = null;
  let stopping = false;
  let checkpoints: (() => Promise<void>) | null = null;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say("Stopping Moddesk…");
    server?.kill("SIGTERM");
    await checkpoints?.().catch(() => {});
    await database?.release().catch(() => {});
    say("Moddesk stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    say(databaseUrl ? "Using the database at DATABASE_URL" : `Starting the embedded PostgreSQL (data folder ${path.relative(projectRoot, dataDir) || dataDir})`);
    database = await resolveDatabase({ databaseUrl, directDatabaseUrl, dataDir, owner: true });
    // Run as root from a folder the postgres user cannot enter, the cluster lives elsewhere: say where.
    if (database.clusterDir && !database.clusterDir.startsWith(path.resolve(dataDir))) say(`The database files are in ${database.clusterDir}`);
    if (!database.embedded) {
      const warning = await refuseSuperuser(database.url);
      if (warning) say(warning);
    }
    process.env.DATABASE_URL = database.url;
    const applied = await migrateResolvedDatabase(database);
    // A fresh database that DATABASE_URL's own role just migrated is owned by it: check again.
    if (!database.embedded && applied.length > 0) await refuseSuperuser(database.url);
    say(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date");

    const { runFirstRun } = await import("@/lib/setup/first-run");
    const firstRun = await runFirstRun((line) => say(line), { adminEmail: adminEmailOption(process.argv.slice(2)) });
    // A re-check queued by the first run is worked by the web server: this process needs no job queue.
    const { stopBoss } = await import("@/lib/jobs/boss");
    await stopBoss();
    checkpoints = startAuditCheckpoints(database.url);

    // `npm run dev`: the same database and first run, with Next's development server instead of a build.
    const isDev = process.argv.includes("--dev");
    if (!isDev) await buildIfStale((line) => say(line));
    const publicUrl = process.env.MODDESK_URL ?? localUrl(host, port);
    const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");
    server = spawn(process.execPath, [nextBin, isDev ? "dev" : "start", ...listenArguments(host, port)], {
      cwd: projectRoot,
      // Piped through escapingStream: the log quotes text other people wrote (scripts/lib/output.ts).
      stdio: ["ignore", "pipe", "pipe"],
      // The preload stamps each request with its TCP peer's address (lib/auth/client-address.ts).
      // NODE_OPTIONS rather than an argument: `next dev` serves from a child process it forks.
      env: { ...process.env, NODE_OPTIONS: withPeerAddressStamp(process.env.NODE_OPTIONS), NODE_ENV: isDev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    server.stdout?.pipe(escapingStream()).pipe(process.stdout);
    server.stderr?.pipe(escapingStream()).pipe(process.stderr);
    server.on("exit", (code) => void stop(code ?? 1));
    await waitUntilServing(`http://${probeHost(host)}:${port}`, server);

    say("");
    say(`Moddesk is running at ${publicUrl}`);
    if (firstRun.demoAdmin) {
      say(`Sign in as ${firstRun.demoAdmin.email} with password ${firstRun.demoAdmin.password}`);
      say("(This password is shown only now. Make a new one with: npm run moddesk -- user reset-password --email " + firstRun.demoAdmin.email + ")");
    } else {
      say(`Sign in with your account (demo admin: ${firstRun.adminEmail ?? "see npm run moddesk -- user list"}; its password was printed on the first start;`);
      say("make a new one with: npm run moddesk -- user reset-password --email <email>)");
    }
    say("Press Ctrl-C to stop.");
  } catch (error) {
    fail(error);
    await stop(1);
  }
}

main().catch((error: unknown) => {
  fail(error);
  process.exit(1);
});
