import type { ChildProcess } from "node:child_process";

// Stopping a child process within a bound. `next start` waits for the connections still open (a
// browser's keep-alive, a request in flight) and MariaDB flushes before it exits; whoever stops them
// is done with them, so one still up after the grace period is killed rather than left to hold a
// test's hook, or to run on after its parent.

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
