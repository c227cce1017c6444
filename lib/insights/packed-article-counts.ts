import type { ArticleCounts } from "./article-figures";

// A posted day's per-article counts (insights_day.articles) as stored and read: for each article
// of the day, by articleId, four unsigned LEB128 varints: the zigzagged difference from the
// previous entry's articleId (from 0 for the first), comments, flagged, hidden. A day of a large
// site holds tens of thousands of articles with a comment or two each: about 4 bytes an entry
// where fixed int4s took 16 (at 10M comments the 30-day page read 10.1 MB of stored entries on
// every load). Arithmetic, not bitwise: ids are int4, so a difference needs 33 bits.

const zigzag = (value: number) => (value >= 0 ? 2 * value : -2 * value - 1);
const unzigzag = (value: number) => (value % 2 === 0 ? value / 2 : -(value + 1) / 2);

class ByteWriter {
  private bytes = new Uint8Array(256);
  length = 0;
  varint(value: number): void {
    if (this.length + 10 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let rest = value;
    while (rest >= 128) {
      this.bytes[this.length++] = (rest % 128) + 128;
      rest = Math.floor(rest / 128);
    }
    this.bytes[this.length++] = rest;
  }
  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Packs per-article counts (in articleId order, as the day's query gives them) as stored. */
export function packArticleCounts(rows: readonly ArticleCounts[]): Uint8Array {
  const writer = new ByteWriter();
  let previous = 0;
  for (const row of rows) {
    writer.varint(zigzag(row.articleId - previous));
    writer.varint(row.comments);
    writer.varint(row.flagged);
    writer.varint(row.hidden);
    previous = row.articleId;
  }
  return writer.result();
}

/**
 * Packs the day query's per-article counts, big-endian int4 quadruples (articleId, comments,
 * flagged, hidden: what SQL's int4send gives), as stored. A trailing partial quadruple is ignored.
 */
export function packFixedArticleCounts(fixed: Uint8Array): Uint8Array {
  const view = new DataView(fixed.buffer, fixed.byteOffset, fixed.byteLength);
  const writer = new ByteWriter();
  let previous = 0;
  for (let offset = 0; offset + 16 <= fixed.byteLength; offset += 16) {
    const articleId = view.getInt32(offset, false);
    writer.varint(zigzag(articleId - previous));
    writer.varint(view.getInt32(offset + 4, false));
    writer.varint(view.getInt32(offset + 8, false));
    writer.varint(view.getInt32(offset + 12, false));
    previous = articleId;
  }
  return writer.result();
}

/** The packed counts as quadruples (articleId, comments, flagged, hidden), one after another (all int4s). */
export function unpackArticleCounts(bytes: Uint8Array): Int32Array {
  // Every entry takes at least 4 bytes: never more values than bytes.
  const values = new Int32Array(bytes.length);
  let count = 0;
  let at = 0;
  let articleId = 0;
  while (at < bytes.length) {
    for (let field = 0; field < 4; field++) {
      let value = 0;
      let scale = 1;
      for (;;) {
        if (at >= bytes.length) throw new Error(`Packed article counts end inside a number (byte ${at} of ${bytes.length})`);
        const byte = bytes[at++]!;
        value += (byte & 127) * scale;
        if (byte < 128) break;
        scale *= 128;
      }
      if (field === 0) articleId += unzigzag(value);
      values[count++] = field === 0 ? articleId : value;
    }
  }
  return values.subarray(0, count);
}
