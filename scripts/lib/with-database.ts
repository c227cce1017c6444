import { refuseSuperuser } from "@/lib/db/refuse-superuser";
import { migrateResolvedDatabase, resolveDatabase } from "@/lib/db/resolve-database";
import { env } from "@/lib/env";

/**
 * Runs a command against Moddesk's database: DATABASE_URL, else the embedded server of a running
 * `npm start`, else the embedded server started for this command alone. Migrates first.
 */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  const { DATABASE_URL: databaseUrl, DIRECT_DATABASE_URL: directDatabaseUrl, MODDESK_DATA_DIR: dataDir } = env();
  const database = await resolveDatabase({ databaseUrl, directDatabaseUrl, dataDir });
  process.env.DATABASE_URL = database.url;
  try {
    if (!database.embedded) {
      const warning = await refuseSuperuser(database.url);
      if (warning) process.stderr.write(`${warning}\n`);
    }
    const applied = await migrateResolvedDatabase(database);
    // A fresh database that DATABASE_URL's own role just migrated is owned by it: check again.
    if (!database.embedded && applied.length > 0) await refuseSuperuser(database.url);
    const { ensureDefaultRules } = await import("@/lib/setup/ensure-default-rules");
    await ensureDefaultRules((line) => process.stderr.write(`${line}\n`));
    return await work();
  } finally {
    const { closePgPool } = await import("@/lib/db/pg-pool");
    const { getDb } = await import("@/lib/db/client");
    // A command that queued a job (a rule change's re-check) started pg-boss: stop it before its pool.
    const { stopBoss } = await import("@/lib/jobs/boss");
    await stopBoss();
    await closePgPool();
    await getDb().$disconnect();
    await database.release();
  }
}
