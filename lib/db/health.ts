import pg from "pg";
import { env } from "@/lib/env";
import { pgConfigFromUrl } from "./connection-url";

// Is the database there? Asked by proxy.ts before every request so that an outage gets a clear
// 503 page instead of a broken one, and so that recovery needs no restart: the answer is cached
// for a second, then probed again with a fresh connection.

const FRESH_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_500;

interface HealthState {
  checkedAt: number;
  isReachable: boolean;
  probe: Promise<boolean> | null;
}

const holder = globalThis as unknown as { moddeskDbHealth?: HealthState };

async function probe(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ ...pgConfigFromUrl(databaseUrl), connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function isDatabaseReachable(now = Date.now()): Promise<boolean> {
  const databaseUrl = env().DATABASE_URL;
  if (!databaseUrl) return false;
  const state = (holder.moddeskDbHealth ??= { checkedAt: 0, isReachable: true, probe: null });
  if (now - state.checkedAt < FRESH_MS) return state.isReachable;
  // One probe at a time, whatever the number of requests waiting on it.
  state.probe ??= probe(databaseUrl).then((isReachable) => {
    state.isReachable = isReachable;
    state.checkedAt = Date.now();
    state.probe = null;
    return isReachable;
  });
  return state.probe;
}
