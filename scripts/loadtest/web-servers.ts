import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { projectRoot } from "@/lib/env";
import { stopProcess } from "../lib/stop-process";

// The production web servers of a load test: `next start` of the current build, launched as
// `npm start` launches it (the peer-address preload, NODE_ENV=production). Several of them share
// one database like instances behind a load balancer on separate machines: each has a data folder
// of its own, so what they must share (the auth secret, the audit key) is passed explicitly, as
// docs/operations.md tells an operator to.

export interface WebServer {
  index: number;
  baseUrl: string;
  child: ChildProcess;
  logFile: string;
}

export interface SharedServerSettings {
  databaseUrl: string;
  authSecret: string;
  auditKey: string;
  scratch: string;
  extraEnv?: Record<string, string>;
}

async function waitForServer(server: WebServer): Promise<void> {
  for (let attempt = 0; attempt < 900; attempt += 1) {
    if (server.child.exitCode !== null) throw new Error(`web server ${server.index} exited with code ${server.child.exitCode}: ${logTail(server)}`);
    // Each try bounded: a server that accepts and never answers would hold this loop past its 90 s.
    const status = await fetch(`${server.baseUrl}/sign-in`, { signal: AbortSignal.timeout(10_000) }).then((response) => response.status).catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`web server ${server.index} did not start within 90 s: ${logTail(server)}`);
}

/** The last lines a server wrote (stdout and stderr), for an error message. */
export function logTail(server: WebServer, lines = 8): string {
  try {
    return readFileSync(server.logFile, "utf8").trim().split("\n").slice(-lines).join(" | ");
  } catch {
    return "(no log)";
  }
}

function startWebServer(index: number, port: number, settings: SharedServerSettings): WebServer {
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = path.join(settings.scratch, `instance-${index}`);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const logFile = path.join(settings.scratch, `instance-${index}.log`);
  const log = openSync(logFile, "a");
  const stampPeerAddress = pathToFileURL(path.join(projectRoot, "scripts/lib/stamp-peer-address.mjs")).href;
  const child = spawn(process.execPath, ["--import", stampPeerAddress, path.join(projectRoot, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: projectRoot,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      DATABASE_URL: settings.databaseUrl,
      BETTER_AUTH_SECRET: settings.authSecret,
      AUDIT_HMAC_KEY: settings.auditKey,
      MODDESK_DATA_DIR: dataDir,
      MODDESK_URL: baseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...settings.extraEnv,
    },
  });
  return { index, baseUrl, child, logFile };
}

/** Starts `count` servers on free loopback ports and waits until each serves its sign-in page. */
export async function startWebServers(count: number, settings: SharedServerSettings): Promise<WebServer[]> {
  const servers: WebServer[] = [];
  try {
    for (let index = 0; index < count; index += 1) servers.push(startWebServer(index, await findFreePort(), settings));
    await Promise.all(servers.map(waitForServer));
    return servers;
  } catch (error) {
    await stopWebServers(servers);
    throw error;
  }
}

/**
 * Stops them and waits until each has exited, killing one still up after five seconds (next start
 * waits for open connections), so that none is left running into the database's shutdown, or on
 * after the load test (and, in npm test's tools tier, after the test that ran it).
 */
export async function stopWebServers(servers: readonly WebServer[]): Promise<void> {
  await Promise.all(
    servers.map(({ child }) => stopProcess(child, { graceMs: 5_000 })),
  );
}
