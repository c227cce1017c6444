import "server-only";
import { randomBytes } from "node:crypto";
import type pg from "pg";

// The id an export cursor carries of the database that made it (export-cursor.ts): made once, on the
// first export, and kept in `setting`. A dump restored elsewhere keeps it, which is right: its
// transaction ids are then checked against the cursor's (stream-decision-export.ts).

export const CURSOR_ORIGIN_SETTING = "export.cursorOrigin";

/** This database's cursor origin, made on first use. Not inside a read-only transaction: it may insert. */
export async function exportCursorOrigin(client: pg.ClientBase | pg.Pool): Promise<string> {
  const { rows } = await client.query<{ value: string }>(
    `WITH made AS (
       INSERT INTO setting (key, value, "updatedAt") VALUES ($1, $2, now()) ON CONFLICT (key) DO NOTHING RETURNING value
     )
     SELECT value FROM made UNION ALL SELECT value FROM setting WHERE key = $1 LIMIT 1`,
    [CURSOR_ORIGIN_SETTING, randomBytes(6).toString("hex")],
  );
  // Two first exports at once: the second's insert waits for the first's, then conflicts, and its
  // own statement's snapshot predates that row. A new statement sees it.
  const origin = rows[0]?.value ?? (await client.query<{ value: string }>(`SELECT value FROM setting WHERE key = $1`, [CURSOR_ORIGIN_SETTING])).rows[0]?.value;
  if (!origin) throw new Error("the export cursor's origin could not be read from the setting table");
  return origin;
}
