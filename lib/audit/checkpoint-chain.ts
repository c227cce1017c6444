import "server-only";
import pg from "pg";
import { pgConfigFromUrl } from "@/lib/db/connection-url";
import { auditKey } from "./audit-key";
import { defaultCheckpointsFile, writeCheckpoint, type Checkpoint } from "./checkpoints";

/** Writes a signed checkpoint of the chain's current head to the data folder (npm start, audit verify). */
export async function checkpointAuditChain(databaseUrl: string, file = defaultCheckpointsFile()): Promise<Checkpoint | null> {
  const client = new pg.Client({ ...pgConfigFromUrl(databaseUrl), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await writeCheckpoint(client, auditKey(), file);
  } finally {
    await client.end().catch(() => {});
  }
}
