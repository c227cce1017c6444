// `npm start`: the whole app on one command. Uses DATABASE_URL when set, else an embedded
// PostgreSQL kept in .moddesk/; migrates; loads the demo data on first run; builds the app when
// its sources changed; serves it; stops everything cleanly on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { resolveDatabase, type ResolvedDatabase } from "@/lib/db/resolve-database";
import { env, projectRoot } from "@/lib/env";
import { buildIfStale } from "./lib/build-if-stale";
import { fail, say } from "./lib/output";

async function ensurePortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === "EADDRINUSE" ? `port ${port} is already in use (another Moddesk, or another app). Stop it, or choose a port: PORT=${port + 1} npm start` : `cannot listen on port ${port}: ${error.message}`)),
    );
    server.listen(port, () => server.close(() => resolve()));
  });
}

function ensureAuthSecret(dataDir: string): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
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

async function main(): Promise<void> {
  const { PORT: port, MODDESK_DATA_DIR: dataDir, DATABASE_URL: databaseUrl } = env();
  mkdirSync(dataDir, { recursive: true });
  await ensurePortFree(port);
  process.env.BETTER_AUTH_SECRET = ensureAuthSecret(dataDir);

  let database: ResolvedDatabase | null = null;
  let server: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say("Stopping Moddesk…");
    server?.kill("SIGTERM");
    await database?.release().catch(() => {});
    say("Moddesk stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    say(databaseUrl ? "Using the database at DATABASE_URL" : `Starting the embedded PostgreSQL (data in ${path.relative(projectRoot, dataDir) || dataDir}/pgdata)`);
    database = await resolveDatabase({ databaseUrl, dataDir, owner: true });
    process.env.DATABASE_URL = database.url;
    const applied = await applyPendingMigrations(database.url);
    say(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date");

    const { runFirstRun } = await import("@/lib/setup/first-run");
    const firstRun = await runFirstRun((line) => say(line));

    // `npm run dev`: the same database and first run, with Next's development server instead of a build.
    const isDev = process.argv.includes("--dev");
    if (!isDev) await buildIfStale((line) => say(line));
    const publicUrl = process.env.MODDESK_URL ?? `http://localhost:${port}`;
    const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");
    server = spawn(process.execPath, [nextBin, isDev ? "dev" : "start", "-p", String(port)], {
      cwd: projectRoot,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NODE_ENV: isDev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    server.on("exit", (code) => void stop(code ?? 1));
    await waitUntilServing(`http://127.0.0.1:${port}`, server);

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
