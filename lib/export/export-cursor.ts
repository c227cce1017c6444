// The cursor of an incremental decisions export: the PostgreSQL snapshot (pg_snapshot text,
// "xmin:xmax:xip,…") the previous export read its rows in. A decision belongs to the export that
// first reads it: `after=<cursor>` returns the decisions whose writing transaction (decision.xactId)
// the cursor's snapshot did not see as finished, and every export reads in one snapshot that it
// hands on as the next cursor. Since a transaction finished before one snapshot is finished before
// every later one, chained exports return each committed decision exactly once, however late it
// committed relative to its createdAt (a long transaction, a bulk run, clocks). `since`/`until`
// cannot do that: they filter on createdAt, which is set before the commit.
//
// Pure (no database): the shape is checked here, so a bad cursor is a 400 naming `after`, never a
// cast error from PostgreSQL. Whether it comes from this database's past is checked against the
// export's own snapshot (stream-decision-export.ts).

/**
 * A cursor as handed out: `<origin>.<snapshot>`. The origin names the database that made it (a random
 * id kept in its `setting` table), so a cursor from another Moddesk database on the same server,
 * whose transaction ids mean nothing here, is refused rather than silently answered with the wrong set.
 * The snapshot is as pg_snapshot_in accepts it: xmin ≤ xip < xmax, xip ascending, ids 64-bit.
 */
export interface ExportCursor {
  /** The cursor, as handed out. */
  text: string;
  /** The database that made it (12 hex digits). */
  origin: string;
  /** The pg_snapshot text. */
  snapshot: string;
  /** Every transaction below it had finished: the index range an export after this cursor reads. */
  xmin: string;
  xmax: string;
}

/** The longest cursor accepted: a snapshot lists the transactions running when it was taken (one per connection at most). */
export const EXPORT_CURSOR_MAX_LENGTH = 8_000;

const CURSOR_SHAPE = /^([0-9a-f]{12})\.((\d{1,20}):(\d{1,20}):(\d{1,20}(?:,\d{1,20})*)?)$/;
const MAX_XID8 = 2n ** 64n - 1n;

export const EXPORT_CURSOR_MESSAGE = "after must be the Moddesk-Next-Cursor of an earlier export, as it was given";

/** The cursor, or null when `text` is not one. */
export function parseExportCursor(text: string): ExportCursor | null {
  if (text.length > EXPORT_CURSOR_MAX_LENGTH) return null;
  const match = CURSOR_SHAPE.exec(text);
  if (!match) return null;
  const xmin = BigInt(match[3]!);
  const xmax = BigInt(match[4]!);
  // 0 is no transaction: PostgreSQL refuses it as a snapshot's bound.
  if (xmin < 1n || xmax > MAX_XID8 || xmin > xmax) return null;
  let previous = xmin - 1n;
  for (const part of match[5] ? match[5].split(",") : []) {
    const xip = BigInt(part);
    if (xip <= previous || xip >= xmax) return null;
    previous = xip;
  }
  return { text, origin: match[1]!, snapshot: match[2]!, xmin: xmin.toString(), xmax: xmax.toString() };
}
