import { describe, expect, it } from "vitest";
import { checkJsonShape, DEFAULT_JSON_SHAPE } from "./json-shape";

const bytes = (text: string) => Buffer.from(text, "utf8");
const limits = { maxValues: 10, maxFields: 3, maxDepth: 4 };

describe("checkJsonShape", () => {
  it("passes what every route takes", () => {
    expect(checkJsonShape(bytes('{"action":"HIDE","expectedVersion":3,"note":"a, b: {c} [d]"}'))).toEqual({ ok: true });
    expect(checkJsonShape(bytes('[{"reason":"spam"},{"reason":"abuse","note":"\\"quoted\\", {not a field: 1}"}]'))).toEqual({ ok: true });
  });

  it("does not count separators inside strings, escaped quotes included", () => {
    expect(checkJsonShape(bytes(`{"a":"${",:{[".repeat(1000)}\\"${",".repeat(100)}"}`), limits)).toEqual({ ok: true });
  });

  it("refuses an object of more fields than any schema has", () => {
    expect(checkJsonShape(bytes('{"a":1,"b":2,"c":3}'), limits)).toEqual({ ok: true });
    expect(checkJsonShape(bytes('{"a":1,"b":2,"c":3,"d":4}'), limits)).toMatchObject({ ok: false, limit: "maxFields" });
    // Fields are counted per object: three small objects in an array are fine.
    expect(checkJsonShape(bytes('[{"a":1,"b":2},{"a":1,"b":2}]'), limits)).toEqual({ ok: true });
  });

  it("refuses too many values and too deep a nesting", () => {
    expect(checkJsonShape(bytes(`[${Array(11).fill(1).join(",")}]`), limits)).toMatchObject({ ok: false, limit: "maxValues" });
    expect(checkJsonShape(bytes("[[[[1]]]]"), limits)).toEqual({ ok: true });
    expect(checkJsonShape(bytes("[[[[[1]]]]]"), limits)).toMatchObject({ ok: false, limit: "maxDepth" });
  });

  it("refuses the CPU bombs found by hand (8 MB of fields; 700,000 objects; a million brackets) on the default limits", () => {
    const fields = `{${Array.from({ length: 600_000 }, (_, index) => `"k${index}":1`).join(",")}}`;
    expect(checkJsonShape(bytes(fields))).toMatchObject({ ok: false, limit: "maxFields" });
    expect(checkJsonShape(bytes(`[${Array(700_000).fill('{"k":"x"}').join(",")}]`))).toMatchObject({ ok: false, limit: "maxValues" });
    expect(checkJsonShape(bytes(`${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`))).toMatchObject({ ok: false, limit: "maxDepth" });
    expect(DEFAULT_JSON_SHAPE.maxFields).toBeLessThan(600_000);
  });

  it("says where in the body a field or a level past the limit is, so a client can find it", () => {
    expect(checkJsonShape(bytes('{"a":1,"b":2,"c":3,"d":4}'), limits)).toMatchObject({ message: "An object in the JSON body has more than 3 fields (field 4 at byte 22)." });
    expect(checkJsonShape(bytes("[[[[[1]]]]]"), limits)).toMatchObject({ message: "The JSON body nests arrays and objects more than 4 deep (at byte 4)." });
  });

  it("leaves malformed JSON to JSON.parse, which says what is wrong", () => {
    expect(checkJsonShape(bytes('{"a":'))).toEqual({ ok: true });
    expect(checkJsonShape(bytes("]]]}}}"))).toEqual({ ok: true });
  });
});
