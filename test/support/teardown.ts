import type { ChildProcess } from "node:child_process";
import type { Server } from "node:http";

// Stopping what a test started, within a bound. A hook that waits on a server's good will fails the
// run on a busy machine: `next start` and http.Server.close() wait for the connections still open
// (a browser's keep-alive, a request in flight), MariaDB flushes before it exits. The test is done
// with them, so whatever is still up after the grace period is killed. Used by e2e/ and test/.

/**
 * SIGTERM, then SIGKILL once `graceMs` have passed; resolves when the process has exited. `group`:
 * the signals go to its process group (spawned with `detached: true`), so forked workers end too.
 */
export async function stopProcess(child: ChildProcess, options: { graceMs?: number; group?: boolean } = {}): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      if (options.group) process.kill(-pid, name);
      else child.kill(name);
    } catch {
      child.kill(name);
    }
  };
  signal("SIGTERM");
  const killLater = setTimeout(() => signal("SIGKILL"), options.graceMs ?? 5_000);
  await exited;
  clearTimeout(killLater);
}

/** Stops listening and drops every open connection, rather than waiting for clients to hang up. */
export function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
