// `npm run db:migrate`: applies prisma/migrations/ to DIRECT_DATABASE_URL, else DATABASE_URL (else the embedded database).
import { migrateResolvedDatabase, resolveDatabase } from "@/lib/db/resolve-database";
import { env } from "@/lib/env";
import { fail, say } from "./lib/output";

try {
  const { DATABASE_URL: databaseUrl, DIRECT_DATABASE_URL: directDatabaseUrl, MODDESK_DATA_DIR: dataDir } = env();
  const database = await resolveDatabase({ databaseUrl, directDatabaseUrl, dataDir });
  try {
    const applied = await migrateResolvedDatabase(database);
    say(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "No pending migrations: the database is up to date");
  } finally {
    await database.release();
  }
} catch (error) {
  fail(error);
}
