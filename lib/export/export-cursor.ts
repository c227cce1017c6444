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

/** A snapshot as pg_snapshot_in accepts it: xmin ≤ xip < xmax, xip ascending, ids 64-bit. */
export interface ExportCursor {
  /** The pg_snapshot text, as handed out. */
  text: string;
  /** Every transaction below it had finished: the index range an export after this cursor reads. */
  xmin: string;
  xmax: string;
}

/** The longest cursor accepted: a snapshot lists the transactions running when it was taken (one per connection at most). */
export const EXPORT_CURSOR_MAX_LENGTH = 8_000;

const CURSOR_SHAPE = /^(\d{1,20}):(\d{1,20}):(\d{1,20}(?:,\d{1,20})*)?$/;
const MAX_XID8 = 2n ** 64n - 1n;

export const EXPORT_CURSOR_MESSAGE = "after must be the Moddesk-Next-Cursor of an earlier export, as it was given";

/** The cursor, or null when `text` is not one. */
export function parseExportCursor(text: string): ExportCursor | null {
  if (text.length > EXPORT_CURSOR_MAX_LENGTH) return null;
  const match = CURSOR_SHAPE.exec(text);
  if (!match) return null;
  const xmin = BigInt(match[1]!);
  const xmax = BigInt(match[2]!);
  // 0 is no transaction: PostgreSQL refuses it as a snapshot's bound.
  if (xmin < 1n || xmax > MAX_XID8 || xmin > xmax) return null;
  let previous = xmin - 1n;
  for (const part of match[3] ? match[3].split(",") : []) {
    const xip = BigInt(part);
    if (xip <= previous || xip >= xmax) return null;
    previous = xip;
  }
  return { text, xmin: xmin.toString(), xmax: xmax.toString() };
}
