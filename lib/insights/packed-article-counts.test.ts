import { describe, expect, it } from "vitest";
import { packArticleCounts, packFixedArticleCounts, unpackArticleCounts } from "./packed-article-counts";

const entry = (articleId: number, comments: number, flagged: number, hidden: number) => ({ articleId, comments, flagged, hidden });

/** The day query's form: big-endian int4 quadruples. */
function fixed(rows: ReturnType<typeof entry>[]): Uint8Array {
  const bytes = new Uint8Array(rows.length * 16);
  const view = new DataView(bytes.buffer);
  rows.forEach((row, index) => [row.articleId, row.comments, row.flagged, row.hidden].forEach((value, field) => view.setInt32(index * 16 + field * 4, value, false)));
  return bytes;
}

const quads = (rows: ReturnType<typeof entry>[]) => rows.flatMap((row) => [row.articleId, row.comments, row.flagged, row.hidden]);

describe("packed per-article counts", () => {
  it("gives back every entry, from the counts or from the day query's int4s alike", () => {
    const rows = [entry(-2_147_483_648, 1, 0, 0), entry(-5, 300, 200, 100), entry(0, 1, 1, 1), entry(7, 16_384, 0, 2), entry(2_147_483_647, 2_147_483_647, 1, 0)];
    expect(packFixedArticleCounts(fixed(rows))).toEqual(packArticleCounts(rows));
    expect([...unpackArticleCounts(packArticleCounts(rows))]).toEqual(quads(rows));
    expect([...unpackArticleCounts(new Uint8Array(0))]).toEqual([]);
  });

  it("takes 4 bytes an entry for close ids and small counts, a quarter of the int4s", () => {
    const rows = Array.from({ length: 1000 }, (_, index) => entry(100_000 + index * 10, 1 + (index % 3), index % 2, index % 2));
    const packed = packArticleCounts(rows);
    expect(packed.length).toBe(4 * 1000 + 2); // the first id, 100,000, is 3 bytes
    expect([...unpackArticleCounts(packed)]).toEqual(quads(rows));
  });

  it("says where bytes cut inside a number end", () => {
    const packed = packArticleCounts([entry(1, 200, 0, 0)]);
    expect(() => unpackArticleCounts(packed.subarray(0, 2))).toThrow("Packed article counts end inside a number (byte 2 of 2)");
  });
});
