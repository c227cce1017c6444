import { spawn, type ChildProcess } from "node:child_process";
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { pgConfigFromUrl } from "../../lib/db/connection-url";
import { findFreePort } from "../../lib/db/embedded-postgres";
import { isRoot, serverUser } from "../../lib/db/postgres-user";
import { requireDebianProgram } from "./debian-programs";

// Debian's PgBouncer in front of a test PostgreSQL, in transaction pooling mode (the mode managed
// platforms and most production setups use), started and stopped by the test that needs it.

export interface PgBouncer {
  port: number;
  /** `serverUrl` with PgBouncer's host and port instead of the server's: same user, password and database. */
  pooledUrl: (serverUrl: string) => string;
  stop: () => Promise<void>;
}

export interface PgBouncerLogin {
  user: string;
  password: string;
}

function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 15_000;
    const exited = () => reject(new Error(`pgbouncer exited before it listened on ${port}:\n${log()}`));
    child.once("exit", exited);
    const attempt = () => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        child.off("exit", exited);
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) {
          child.off("exit", exited);
          reject(new Error(`pgbouncer did not listen on ${port} within 15 s:\n${log()}`));
        } else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Starts PgBouncer for the server of `serverUrl`. Every database of that server is reachable through
 * it; `logins` are the users clients may connect as (PgBouncer logs in to the server with the same
 * password). Run by root, PgBouncer runs as the `postgres` user (it refuses root).
 */
export async function startPgBouncer(serverUrl: string, logins: PgBouncerLogin[], options: { poolMode?: "transaction" | "session"; poolSize?: number } = {}): Promise<PgBouncer> {
  const program = requireDebianProgram(["/usr/sbin/pgbouncer", "pgbouncer"], ["pgbouncer"]);
  const server = pgConfigFromUrl(serverUrl);
  const port = await findFreePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "moddesk-pgbouncer-"));
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  writeFileSync(path.join(dir, "userlist.txt"), logins.map((login) => `${quote(login.user)} ${quote(login.password)}\n`).join(""), { mode: 0o600 });
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${server.host} port=${server.port}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = scram-sha-256",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      `pool_mode = ${options.poolMode ?? "transaction"}`,
      `default_pool_size = ${options.poolSize ?? 10}`,
      "max_client_conn = 500",
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  const runAs = isRoot() ? serverUser() : undefined;
  if (runAs) {
    for (const file of ["", "userlist.txt", "pgbouncer.ini"]) chownSync(path.join(dir, file), runAs.uid, runAs.gid);
  }
  const child = spawn(program, [...(runAs ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-4_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        // SIGTERM is an immediate shutdown up to PgBouncer 1.22 and waits for clients from 1.23 on:
        // the test has closed its own by now, and a straggler gets SIGKILL.
        const kill = setTimeout(() => child.kill("SIGKILL"), 3_000);
        child.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill("SIGTERM");
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    pooledUrl: (url) => {
      const pooled = new URL(url);
      pooled.hostname = "127.0.0.1";
      pooled.port = String(port);
      return pooled.toString();
    },
    stop,
  };
}
