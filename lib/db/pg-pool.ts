import "server-only";
import pg from "pg";
import { requireDatabaseUrl } from "@/lib/env";
import { isAdminShutdown } from "./admin-shutdown";
import { pgConfigFromUrl } from "./connection-url";

// A plain pg pool for the bulk paths Prisma cannot express: COPY for imports, cursors for exports.

const holder = globalThis as unknown as { moddeskPgPool?: pg.Pool };

export function getPgPool(): pg.Pool {
  if (!holder.moddeskPgPool) {
    const pool = new pg.Pool({ ...pgConfigFromUrl(requireDatabaseUrl()), max: 5, connectionTimeoutMillis: 5_000 });
    // An idle connection dropped by the server (restart, outage) must not crash the process:
    // the pool discards it and the next checkout opens a fresh one. A server stopped on purpose
    // (57P01 admin_shutdown: Ctrl-C on npm start stops the embedded PostgreSQL) is not news.
    pool.on("error", (error) => {
      if (!isAdminShutdown(error)) console.error(`[pg pool] idle connection lost: ${error.message}`);
    });
    holder.moddeskPgPool = pool;
  }
  return holder.moddeskPgPool;
}

export async function closePgPool(): Promise<void> {
  const pool = holder.moddeskPgPool;
  holder.moddeskPgPool = undefined;
  await pool?.end();
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
