import { describe, expect, it } from "vitest";
import { copyRow } from "./copy-format";
import { copyTextPieces, CopyTextWriter } from "./copy-text-writer";
import { simpleSearchVector } from "./search-vector";

const joined = (pieces: Iterable<Buffer>) => Buffer.concat([...pieces]).toString("utf8");

describe("CopyTextWriter", () => {
  it("writes text fields byte for byte as copyRow does", () => {
    const values = ["plain", "tab\there", "line\nbreak\r\n", "back\\slash \\N", "nul\u0000gone", "", "Why can’t we? … 😀 ‮", "ünïcödé"];
    const out = new CopyTextWriter();
    for (const value of values) out.text(value);
    out.text(null);
    out.text(undefined);
    out.plain("2015-07-23T18:43:00.000Z");
    out.endRow();
    expect(out.take().toString("utf8")).toBe(copyRow([...values, null, null, "2015-07-23T18:43:00.000Z"]));
  });

  it("writes short fields, copied a character at a time, as long ones are written", () => {
    const values = ["a".repeat(64), "a".repeat(65), `${"b".repeat(63)}\t`, "bell\u0007", "del\u007f", "café", "x\\y", "~"];
    const out = new CopyTextWriter();
    for (const value of values) out.text(value);
    out.plain("0".repeat(64));
    out.plain("1".repeat(65));
    out.endRow();
    expect(out.take().toString("utf8")).toBe(copyRow([...values, "0".repeat(64), "1".repeat(65)]));
  });

  it("cuts many rows into pieces at row ends, and a row longer than a piece stays whole", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: i, body: i === 10_000 ? "long ’ text\t".repeat(40_000) : `comment ${i} with a tab\tand ’` }));
    const pieces = [...copyTextPieces(rows, (out, row) => {
      out.plain(String(row.id));
      out.text(row.body);
    })];
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(piece[piece.length - 1]).toBe(10);
    expect(joined(pieces)).toBe(rows.map((row) => copyRow([row.id, row.body])).join(""));
  });

  it("writes the loader's search vector, or \\N for a body left to PostgreSQL", () => {
    const bodies = ["Hello World, again: hello!", "see example.com", "", "word ".repeat(300), "Tab\there \\ back"];
    const out = new CopyTextWriter();
    for (const body of bodies) out.searchVector(body);
    out.endRow();
    expect(out.take().toString("utf8")).toBe(copyRow(bodies.map((body) => simpleSearchVector(body))));
    expect(simpleSearchVector(bodies[0]!)).toBe("hello:1 world:2 again:3 hello:4");
  });

  it("writes nothing for no rows", () => {
    expect([...copyTextPieces([], () => {})]).toEqual([]);
  });
});
