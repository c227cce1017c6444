import { describe, expect, it } from "vitest";
import { addDays, consecutiveRuns, dayOfInstant, lastDaysUntil, makeRange, parseRangeRequest, rangeBounds } from "./date-range";

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
    expect(lastDaysUntil("2015-03-30", 30)).toEqual({ from: "2015-03-01", to: "2015-03-30", bucket: "day", timeZone: "UTC" });
  });
  it("charts long ranges per week", () => {
    expect(makeRange("2015-01-01", "2015-06-29").bucket).toBe("day");
    expect(makeRange("2015-01-01", "2015-06-30").bucket).toBe("week");
  });
  it("ends the SQL bounds after the last day", () => {
    expect(rangeBounds(makeRange("2015-03-01", "2015-03-01"))).toEqual({ start: "2015-03-01T00:00:00.000Z", end: "2015-03-02T00:00:00.000Z" });
  });
});

const HOUR_MS = 3_600_000;
const hoursIn = (day: string, timeZone: string) => {
  const { start, end } = rangeBounds(makeRange(day, day, timeZone));
  return (Date.parse(end) - Date.parse(start)) / HOUR_MS;
};

describe("days in the desk's zone", () => {
  it("starts a day at the zone's midnight, as a UTC instant", () => {
    expect(rangeBounds(makeRange("2026-12-06", "2026-12-06", "Asia/Karachi"))).toEqual({ start: "2026-12-05T19:00:00.000Z", end: "2026-12-06T19:00:00.000Z" });
    expect(rangeBounds(makeRange("2026-12-01", "2026-12-06", "America/New_York"))).toEqual({ start: "2026-12-01T05:00:00.000Z", end: "2026-12-07T05:00:00.000Z" });
    // +05:30: half an hour off the UTC hours.
    expect(rangeBounds(makeRange("2026-07-23", "2026-07-23", "Asia/Kolkata"))).toEqual({ start: "2026-07-22T18:30:00.000Z", end: "2026-07-23T18:30:00.000Z" });
  });
  it("makes summer time's first day 23 hours and its last 25, the days around them 24", () => {
    expect(hoursIn("2026-03-08", "America/New_York")).toBe(23);
    expect(hoursIn("2026-11-01", "America/New_York")).toBe(25);
    expect(hoursIn("2026-03-07", "America/New_York")).toBe(24);
    expect(hoursIn("2026-03-29", "Europe/London")).toBe(23);
    expect(hoursIn("2026-10-25", "Europe/London")).toBe(25);
    expect(hoursIn("2026-10-26", "Europe/London")).toBe(24);
    expect(hoursIn("2026-03-29", "Asia/Kolkata")).toBe(24);
    // A range over the change: 30 days, one of them an hour short.
    const { start, end } = rangeBounds(lastDaysUntil("2026-03-31", 30, "Europe/London"));
    expect((Date.parse(end) - Date.parse(start)) / HOUR_MS).toBe(30 * 24 - 1);
  });
  it("gives an instant the day it has in the zone", () => {
    // 23:30 in Karachi on 6 December is 18:30 UTC; 00:30 there on the 7th is still the 6th in UTC.
    expect(dayOfInstant(new Date("2026-12-06T18:30:00Z"), "Asia/Karachi")).toBe("2026-12-06");
    expect(dayOfInstant(new Date("2026-12-06T19:30:00Z"), "Asia/Karachi")).toBe("2026-12-07");
    expect(dayOfInstant(new Date("2026-12-06T19:30:00Z"), "UTC")).toBe("2026-12-06");
    // 9 a.m. in New York on 7 December is 14:00 UTC: the 7th in both; 21:00 there is the 8th in UTC.
    expect(dayOfInstant(new Date("2026-12-08T02:00:00Z"), "America/New_York")).toBe("2026-12-07");
    expect(dayOfInstant(new Date("2026-07-23T18:29:59Z"), "Asia/Kolkata")).toBe("2026-07-23");
    expect(dayOfInstant(new Date("2026-07-23T18:30:00Z"), "Asia/Kolkata")).toBe("2026-07-24");
    // The hour that happens twice in London on 25 October 2026 (01:00-02:00 BST, then GMT) is the 25th both times.
    expect(dayOfInstant(new Date("2026-10-25T00:30:00Z"), "Europe/London")).toBe("2026-10-25");
    expect(dayOfInstant(new Date("2026-10-25T23:30:00Z"), "Europe/London")).toBe("2026-10-25");
    expect(dayOfInstant(new Date("2026-10-26T00:00:00Z"), "Europe/London")).toBe("2026-10-26");
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
