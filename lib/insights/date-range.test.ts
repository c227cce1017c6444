import { describe, expect, it } from "vitest";
import { addDays, consecutiveRuns, lastDaysUntil, makeRange, parseRangeRequest, rangeBounds } from "./date-range";

describe("parseRangeRequest", () => {
  it("defaults when nothing or nonsense is asked", () => {
    expect(parseRangeRequest({})).toEqual({ kind: "default" });
    expect(parseRangeRequest({ range: "7y", from: "yesterday" })).toEqual({ kind: "default" });
    expect(parseRangeRequest({ from: "2015-02-30", to: "2015-03-01" })).toEqual({ kind: "default" });
  });
  it("reads presets and explicit days, swapping a reversed range", () => {
    expect(parseRangeRequest({ range: "all" })).toEqual({ kind: "all" });
    expect(parseRangeRequest({ range: "90d" })).toEqual({ kind: "last", days: 90 });
    expect(parseRangeRequest({ range: ["30d", "all"] })).toEqual({ kind: "last", days: 30 });
    expect(parseRangeRequest({ from: "2015-03-10", to: "2015-03-01" })).toEqual({ kind: "custom", from: "2015-03-01", to: "2015-03-10" });
  });
});

describe("ranges", () => {
  it("counts calendar days across month and year ends", () => {
    expect(addDays("2015-12-31", 1)).toBe("2016-01-01");
    expect(addDays("2016-03-01", -1)).toBe("2016-02-29");
    expect(lastDaysUntil("2015-03-30", 30)).toEqual({ from: "2015-03-01", to: "2015-03-30", bucket: "day" });
  });
  it("charts long ranges per week", () => {
    expect(makeRange("2015-01-01", "2015-06-29").bucket).toBe("day");
    expect(makeRange("2015-01-01", "2015-06-30").bucket).toBe("week");
  });
  it("ends the SQL bounds after the last day", () => {
    expect(rangeBounds(makeRange("2015-03-01", "2015-03-01"))).toEqual({ start: "2015-03-01T00:00:00.000Z", end: "2015-03-02T00:00:00.000Z" });
  });
});

describe("consecutiveRuns", () => {
  it("joins consecutive days into one run, across month and year ends, whatever their order", () => {
    expect(consecutiveRuns([])).toEqual([]);
    expect(consecutiveRuns(["2015-07-23"])).toEqual([["2015-07-23", "2015-07-23"]]);
    expect(consecutiveRuns(["2016-01-01", "2015-12-31", "2015-12-30"])).toEqual([["2015-12-30", "2016-01-01"]]);
    expect(consecutiveRuns(["2016-03-01", "2016-02-29", "2016-02-27", "2016-02-29"])).toEqual([
      ["2016-02-27", "2016-02-27"],
      ["2016-02-29", "2016-03-01"],
    ]);
  });
});
