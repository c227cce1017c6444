import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTimestamp } from "./dates";
import { parseUtcTimestamp } from "./utc-timestamp";

const pad = (n: number) => String(n).padStart(2, "0");
const two = fc.integer({ min: 0, max: 99 }).map(pad);
/** Mostly near the valid range (edges included), sometimes anything of two digits. */
const field = (max: number) => fc.oneof(fc.integer({ min: 0, max: max + 1 }).map(pad), two);

describe("parseUtcTimestamp", () => {
  it("reads toISOString's form and the one without milliseconds", () => {
    expect(parseUtcTimestamp("2015-07-23T18:43:00.250Z")?.toISOString()).toBe("2015-07-23T18:43:00.250Z");
    expect(parseUtcTimestamp("2015-07-23T18:43:00Z")?.toISOString()).toBe("2015-07-23T18:43:00.000Z");
    expect(parseUtcTimestamp("2015-02-30T18:43:00Z")).toBeUndefined();
    expect(parseUtcTimestamp("2016-02-29T23:59:59.999Z")?.toISOString()).toBe("2016-02-29T23:59:59.999Z");
    expect(parseUtcTimestamp("2100-02-29T00:00:00Z")).toBeUndefined();
    expect(parseUtcTimestamp("2000-02-29T00:00:00Z")?.toISOString()).toBe("2000-02-29T00:00:00.000Z");
    expect(parseUtcTimestamp("2015-07-23T18:43:60Z")).toBeUndefined();
    expect(parseUtcTimestamp("2015-07-23T23:43:00+05:00")?.toISOString()).toBe("2015-07-23T18:43:00.000Z");
  });

  it("gives parseTimestamp's answer for every canonical-looking string, valid or rolled over", () => {
    fc.assert(fc.property(
      fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 99, 100, 1900, 2000, 2016, 2100, 2400)), field(12), field(31), field(23), field(59), field(59), fc.option(fc.integer({ min: 0, max: 999 })),
      (year, month, day, hour, minute, second, millis) => {
        const text = `${String(year).padStart(4, "0")}-${month}-${day}T${hour}:${minute}:${second}${millis === null ? "" : `.${String(millis).padStart(3, "0")}`}Z`;
        expect(parseUtcTimestamp(text)?.getTime()).toBe(parseTimestamp(text)?.getTime());
      },
    ), { numRuns: 2000 });
  });

  it("hands every other form to parseTimestamp", () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (text) => {
      expect(parseUtcTimestamp(text)?.getTime()).toBe(parseTimestamp(text)?.getTime());
    }), { numRuns: 2000 });
    for (const text of ["2015-07-23T18:43:00z", " 2015-07-23T18:43:00Z", "2015-07-23T18:43:00.5Z", "2015-07-23 18:43:00Z", "2015-07-23T18:43:00.1234Z", "2015-07-23T18:43:0aZ"]) {
      expect(parseUtcTimestamp(text)?.getTime()).toBe(parseTimestamp(text)?.getTime());
    }
  });
});
