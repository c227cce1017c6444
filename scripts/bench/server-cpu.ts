// CPU time of a PostgreSQL server on this machine, from /proc: what the database spent on a piece of
// work whatever else the (shared) machine was doing, unlike wall-clock time. Every process of the
// server counts (backends, WAL writer, checkpointer, autovacuum); one that exits during the
// measured span takes its CPU time with it, so the figure is a slight underestimate.
import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

/** Nanoseconds on CPU per process id, for the postmaster's children (null off Linux or for a remote server). */
export type ServerCpu = Map<number, number> | null;

function cpuNs(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]);
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: read after its closing one.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** The postmaster's process id, found through a backend's parent; null when the server is not on this machine. */
export async function postmasterPid(client: pg.Client): Promise<number | null> {
  const backend = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
  return backend === undefined ? null : parentOf(backend);
}

export function serverCpu(postmaster: number | null): ServerCpu {
  if (postmaster === null) return null;
  const cpu = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || parentOf(pid) !== postmaster) continue;
    const ns = cpuNs(pid);
    if (ns !== null) cpu.set(pid, ns);
  }
  return cpu;
}

/** CPU seconds the server's processes spent between two readings. */
export function serverCpuSeconds(before: ServerCpu, after: ServerCpu): number | null {
  if (before === null || after === null) return null;
  let ns = 0;
  for (const [pid, value] of after) ns += value - (before.get(pid) ?? 0);
  return ns / 1e9;
}
