import { describe, expect, it } from "vitest";
import { EXPORT_CURSOR_MAX_LENGTH, parseExportCursor } from "./export-cursor";

describe("parseExportCursor", () => {
  it("reads the database's origin and a snapshot as PostgreSQL writes it, with its bounds", () => {
    expect(parseExportCursor("0a1b2c3d4e5f.748:748:")).toEqual({ text: "0a1b2c3d4e5f.748:748:", origin: "0a1b2c3d4e5f", snapshot: "748:748:", xmin: "748", xmax: "748" });
    expect(parseExportCursor("0a1b2c3d4e5f.748:760:748,751,759")).toMatchObject({ snapshot: "748:760:748,751,759", xmin: "748", xmax: "760" });
    // xid8 runs past 2^53: kept as text, never a JS number.
    expect(parseExportCursor("0a1b2c3d4e5f.18446744073709551614:18446744073709551615:")?.xmax).toBe("18446744073709551615");
  });

  it.each([
    ["748:748:", "no origin"],
    ["0a1b2c3d4e5.748:748:", "an origin one digit short"],
    ["0A1B2C3D4E5F.748:748:", "an origin in capitals"],
    ["0a1b2c3d4e5f748:748:", "no dot after the origin"],
  ])("refuses %j (%s)", (text) => {
    expect(parseExportCursor(text)).toBeNull();
  });

  it.each([
    ["", "empty"],
    ["0a1b2c3d4e5f.748", "no xmax"],
    ["0a1b2c3d4e5f.748:760", "no xip part"],
    ["0a1b2c3d4e5f.0:5:", "xmin 0 is no transaction"],
    ["0a1b2c3d4e5f.760:748:", "xmin above xmax"],
    ["0a1b2c3d4e5f.748:760:747", "running transaction below xmin"],
    ["0a1b2c3d4e5f.748:760:760", "running transaction at xmax"],
    ["0a1b2c3d4e5f.748:760:751,750", "running transactions out of order"],
    ["0a1b2c3d4e5f.748:760:751,751", "a running transaction twice"],
    ["0a1b2c3d4e5f.748:760:,751", "an empty item"],
    ["0a1b2c3d4e5f.-1:5:", "a sign"],
    ["0a1b2c3d4e5f. 748:760:", "a space"],
    ["0a1b2c3d4e5f.1:18446744073709551616:", "past 64 bits"],
    ["0a1b2c3d4e5f.748:760:751;select 1", "anything else"],
  ])("refuses %j (%s)", (text) => {
    expect(parseExportCursor(text)).toBeNull();
  });

  it("refuses a cursor longer than any snapshot of a server could be", () => {
    const xips = Array.from({ length: 1_000 }, (_, index) => String(1_000_000 + index)).join(",");
    const text = `0a1b2c3d4e5f.1000000:2000000:${xips}`;
    expect(text.length).toBeGreaterThan(EXPORT_CURSOR_MAX_LENGTH);
    expect(parseExportCursor(text)).toBeNull();
  });
});
