// `npm run db:migration -- <name>`: writes the next migration from the changes in schema.prisma.
// Works on a scratch embedded database (the engine replays the migrations on a shadow copy).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { createMigration } from "@/lib/db/migrations";
import { fail, say } from "./lib/output";

const name = process.argv[2];
if (!name) {
  fail(new Error("usage: npm run db:migration -- <name>   (lower-case letters, digits and _)"));
} else {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-migration-"));
  try {
    const server = await startEmbeddedPostgres({ baseDir: scratch });
    try {
      const created = await createMigration(server.url, name);
      say(created ? `Created prisma/migrations/${created}/migration.sql — review it, then commit it` : "schema.prisma and the migrations agree: nothing to create");
    } finally {
      await server.stop();
    }
  } catch (error) {
    fail(error);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
