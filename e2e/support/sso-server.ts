import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { stopProcess } from "../../scripts/lib/stop-process";

// A second `next start` of the build serve.ts made, on the same database, with single sign-on
// configured and password sign-in off: the SSO spec's own server, so that every other spec keeps
// the sign-in page it knows. Started and stopped by the spec.

export async function freeLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface SsoServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

/** Resolves once `url` answers 200; throws when the server exits first or is not serving within a minute and a half. */
export async function waitUntilServing(url: string, child: ChildProcess, output: () => string, what: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    if (Date.now() > deadline) throw new Error(`${what} did not serve ${url} within 90 s:\n${output()}`);
    // Each try bounded: a server that accepts the connection and never answers must not hold the loop.
    const status = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10_000) }).then((response) => response.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function startSsoServer(port: number, databaseUrl: string, settings: Record<string, string>): Promise<SsoServer> {
  const root = process.cwd();
  const baseUrl = `http://127.0.0.1:${port}`;
  const stampPeerAddress = pathToFileURL(path.join(root, "scripts/lib/stamp-peer-address.mjs")).href;
  const child = spawn(process.execPath, ["--import", stampPeerAddress, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...settings,
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      MODDESK_URL: baseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // next start waits for open connections before it exits; the spec is done with it, so a server
  // still up after five seconds is killed rather than left to hold the hook.
  const stop = () => stopProcess(child, { graceMs: 5_000 });
  try {
    await waitUntilServing(`${baseUrl}/sign-in`, child, () => output, "the SSO e2e server");
  } catch (error) {
    // The spec's afterAll has no server to stop: one that never came up must not outlive the run.
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
