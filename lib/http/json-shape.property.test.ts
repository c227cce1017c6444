// The scanner counts structure on raw bytes, never parsing strings' contents: it must see exactly
// the nesting and the fields JSON.parse builds, whatever the strings hold (quotes, backslashes,
// brackets, any Unicode, \u escapes) and however the text is laid out.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkJsonShape } from "./json-shape";

function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

function mostFieldsOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  const own = Array.isArray(value) ? 0 : Object.keys(value).length;
  return Math.max(own, ...Object.values(value).map(mostFieldsOf));
}

/** Every character past ASCII, and every escaped `"`, written as a \u escape instead. */
function escapedEverywhere(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"/g, (literal) =>
    literal.replace(/\\.|[^\u0000-\u007f]/g, (token) => (token === '\\"' ? "\\u0022" : token.startsWith("\\") ? token : `\\u${token.charCodeAt(0).toString(16).padStart(4, "0")}`)),
  );
}

const layouts = [(value: unknown) => JSON.stringify(value), (value: unknown) => JSON.stringify(value, null, 2), (value: unknown) => escapedEverywhere(JSON.stringify(value, null, "\t"))];
const unlimited = Number.POSITIVE_INFINITY;

// Strings made mostly of what the scanner must not take for structure.
const tricky = fc.string({ unit: fc.constantFrom('"', "\\", "{", "}", "[", "]", ":", ",", "a", "é", "😀", "\u2028", "\n", " "), maxLength: 8 });
const { value: jsonValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    tricky,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(tricky, tie("value"), { maxKeys: 5 }),
  ),
}));

describe("checkJsonShape agrees with JSON.parse", () => {
  it("on depth and on fields per object, for any JSON text", () => {
    fc.assert(
      fc.property(jsonValue, fc.constantFrom(...layouts), (value, layout) => {
        const bytes = Buffer.from(layout(value), "utf8");
        expect(JSON.parse(bytes.toString("utf8"))).toEqual(JSON.parse(JSON.stringify(value)));
        const depth = depthOf(value);
        const fields = mostFieldsOf(value);
        expect(checkJsonShape(bytes, { maxValues: unlimited, maxFields: fields, maxDepth: depth })).toEqual({ ok: true });
        if (depth > 0) expect(checkJsonShape(bytes, { maxValues: unlimited, maxFields: unlimited, maxDepth: depth - 1 })).toMatchObject({ ok: false, limit: "maxDepth" });
        if (fields > 0) expect(checkJsonShape(bytes, { maxValues: unlimited, maxFields: fields - 1, maxDepth: unlimited })).toMatchObject({ ok: false, limit: "maxFields" });
      }),
      { numRuns: 300 },
    );
  });
});
