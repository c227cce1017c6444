import "server-only";
import { db } from "@/lib/db/client";
import type { ModeratorCounts } from "./day-summary";
import type { ModeratorThroughput } from "./moderator-throughput";

/** Summed per-moderator counts with names, ordered in SQL as getModeratorThroughput orders them. */
export async function moderatorsFromCounts(counts: Record<string, ModeratorCounts>): Promise<ModeratorThroughput[]> {
  const rows = Object.entries(counts).map(([id, [decided, approved, hidden]]) => ({ id, decided, approved, hidden }));
  if (rows.length === 0) return [];
  return db.$queryRaw<ModeratorThroughput[]>`
    SELECT u.id AS "moderatorId", u.name, u.email, t.decided, t.approved, t.hidden
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(id text, decided int, approved int, hidden int)
    JOIN "user" u ON u.id = t.id
    ORDER BY t.decided DESC, u.email`;
}
