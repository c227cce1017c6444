import "server-only";
import pg from "pg";
import { requireDatabaseUrl, requireDirectDatabaseUrl } from "@/lib/env";
import { isAdminShutdown } from "./admin-shutdown";
import { checkDirectUrl, pgConfigFromUrl } from "./connection-url";

// Plain pg pools for the paths Prisma cannot express. Two of them, because a transaction-pooling
// PgBouncer (docs/operations.md, "PgBouncer") hands each transaction to any server connection:
// - getPgPool (DATABASE_URL): statements and transactions, export cursors (pinned to one server
//   connection until they end), pg-boss sends inside a transaction.
// - getDirectPgPool (DIRECT_DATABASE_URL, else DATABASE_URL): connections that hold a session
//   advisory lock across transactions: imports (the batch's liveness lock), first-run and
//   default-rules setup, model training. Through PgBouncer such a lock would belong to a server
//   connection that outlives the client, and its unlock could run on another one.

const holder = globalThis as unknown as { moddeskPgPool?: pg.Pool; moddeskDirectPgPool?: pg.Pool };

function createPool(url: string, label: string): pg.Pool {
  const pool = new pg.Pool({ ...pgConfigFromUrl(url), max: 5, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by the server (restart, outage) must not crash the process:
  // the pool discards it and the next checkout opens a fresh one. A server stopped on purpose
  // (57P01 admin_shutdown: Ctrl-C on npm start stops the embedded PostgreSQL) is not news.
  pool.on("error", (error) => {
    if (!isAdminShutdown(error)) console.error(`[${label}] idle connection lost: ${error.message}`);
  });
  return pool;
}

export function getPgPool(): pg.Pool {
  holder.moddeskPgPool ??= createPool(requireDatabaseUrl(), "pg pool");
  return holder.moddeskPgPool;
}

/** Connections whose session state (an advisory lock held across transactions) must stay theirs. */
export function getDirectPgPool(): pg.Pool {
  if (!holder.moddeskDirectPgPool) {
    const directUrl = requireDirectDatabaseUrl();
    checkDirectUrl(requireDatabaseUrl(), directUrl);
    holder.moddeskDirectPgPool = createPool(directUrl, "direct pg pool");
  }
  return holder.moddeskDirectPgPool;
}

export async function closePgPool(): Promise<void> {
  const pools = [holder.moddeskPgPool, holder.moddeskDirectPgPool];
  holder.moddeskPgPool = undefined;
  holder.moddeskDirectPgPool = undefined;
  await Promise.all(pools.map((pool) => pool?.end()));
}

/** Runs `work` in one transaction on one connection; rolls back on any error. */
export async function withPgTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await getPgPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
