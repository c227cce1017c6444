import { describe, expect, it } from "vitest";
import { addDays, dayOfInstant, dayStart } from "./date-range";
import { dayInSegments, daySegments, zoneDaySql } from "./zone-day-segments";

const HOUR_MS = 3_600_000;

/** Every 20 minutes of the days (and their edges to the millisecond): the segments give each instant the zone's day. */
function expectEveryInstantOnItsDay(days: string[], timeZone: string): void {
  const segments = daySegments(days, timeZone);
  for (const day of days) {
    const start = Date.parse(dayStart(day, timeZone));
    const end = Date.parse(dayStart(addDays(day, 1), timeZone));
    for (let instant = start; instant < end; instant += HOUR_MS / 3) expect(dayInSegments(new Date(instant), segments), new Date(instant).toISOString()).toBe(day);
    expect(dayInSegments(new Date(end - 1), segments)).toBe(dayOfInstant(new Date(end - 1), timeZone));
  }
}

describe("daySegments", () => {
  it("is the plain UTC cast for UTC days", () => {
    expect(daySegments(["2026-12-05", "2026-12-06", "2026-12-07"], "UTC")).toEqual([{ end: "2026-12-08T00:00:00.000Z", shiftSeconds: 0, day: null }]);
    expect(zoneDaySql(`c."postedAt"`, ["2026-12-06"], "UTC").sql).toBe(`c."postedAt"::date`);
  });
  it("is one shift for a zone without summer time, +05:00 and +05:30 alike", () => {
    expect(daySegments(["2026-12-05", "2026-12-06", "2026-12-07"], "Asia/Karachi")).toEqual([{ end: "2026-12-07T19:00:00.000Z", shiftSeconds: 5 * 3600, day: null }]);
    expect(zoneDaySql(`c."postedAt"`, ["2026-12-06"], "Asia/Kolkata").sql).toBe(`(c."postedAt" + interval '19800 seconds')::date`);
    expectEveryInstantOnItsDay(["2026-07-22", "2026-07-23", "2026-07-24"], "Asia/Kolkata");
  });
  it("names a summer-time day outright, between the two offsets", () => {
    expect(daySegments(["2026-03-07", "2026-03-08", "2026-03-09"], "America/New_York")).toEqual([
      { end: "2026-03-08T05:00:00.000Z", shiftSeconds: -5 * 3600, day: null },
      { end: "2026-03-09T04:00:00.000Z", shiftSeconds: null, day: "2026-03-08" },
      { end: "2026-03-10T04:00:00.000Z", shiftSeconds: -4 * 3600, day: null },
    ]);
    expectEveryInstantOnItsDay(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"], "America/New_York");
    expectEveryInstantOnItsDay(["2026-10-31", "2026-11-01", "2026-11-02"], "America/New_York");
    expectEveryInstantOnItsDay(["2026-03-28", "2026-03-29", "2026-03-30"], "Europe/London");
    expectEveryInstantOnItsDay(["2026-10-24", "2026-10-25", "2026-10-26"], "Europe/London");
  });
  it("keeps separate runs of days apart, and a query's CASE short", () => {
    const days = ["2026-10-20", "2026-10-21", "2026-10-25", "2026-11-30", "2026-12-01", "2026-12-02"];
    expect(daySegments(days, "Europe/London").map((segment) => segment.shiftSeconds ?? segment.day)).toEqual([3600, "2026-10-25", 0]);
    expectEveryInstantOnItsDay(days, "Europe/London");
    expect(zoneDaySql(`c."postedAt"`, days, "Europe/London").sql).toMatch(/^\(CASE WHEN c\."postedAt" < '2026-10-21T23:00:00\.000Z'::timestamp THEN \(c\."postedAt" \+ interval '3600 seconds'\)::date /);
  });
});
