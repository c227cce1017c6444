import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTimestamp } from "./dates";
import { parseUtcTimestamp } from "./utc-timestamp";

const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, "0"));

describe("parseUtcTimestamp", () => {
  it("reads toISOString's form and the one without milliseconds", () => {
    expect(parseUtcTimestamp("2015-07-23T18:43:00.250Z")?.toISOString()).toBe("2015-07-23T18:43:00.250Z");
    expect(parseUtcTimestamp("2015-07-23T18:43:00Z")?.toISOString()).toBe("2015-07-23T18:43:00.000Z");
    expect(parseUtcTimestamp("2015-02-30T18:43:00Z")).toBeUndefined();
    expect(parseUtcTimestamp("2015-07-23T23:43:00+05:00")?.toISOString()).toBe("2015-07-23T18:43:00.000Z");
  });

  it("gives parseTimestamp's answer for every canonical-looking string, valid or rolled over", () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 9999 }), two, two, two, two, two, fc.option(fc.integer({ min: 0, max: 999 })),
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
