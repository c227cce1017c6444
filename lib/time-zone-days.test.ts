import { describe, expect, it } from "vitest";
import { dayInZone, nextDay, startOfDayInZone } from "./time-zone-days";

const hoursOf = ({ start, end }: { start: Date; end: Date }) => (end.getTime() - start.getTime()) / 3_600_000;

describe("a day in the reader's zone", () => {
  it("is the UTC day in UTC", () => {
    expect(dayInZone("2026-12-06", "UTC")).toEqual({ start: new Date("2026-12-06T00:00:00Z"), end: new Date("2026-12-07T00:00:00Z") });
  });

  it("starts at the zone's midnight: Karachi (GMT+5) and Kathmandu (+05:45)", () => {
    expect(dayInZone("2026-12-06", "Asia/Karachi")).toEqual({ start: new Date("2026-12-05T19:00:00Z"), end: new Date("2026-12-06T19:00:00Z") });
    expect(dayInZone("2026-12-06", "Asia/Kathmandu")).toEqual({ start: new Date("2026-12-05T18:15:00Z"), end: new Date("2026-12-06T18:15:00Z") });
  });

  it("lasts 23 hours in Berlin when summer time starts and 25 when it ends", () => {
    const spring = dayInZone("2026-03-29", "Europe/Berlin");
    expect(spring).toEqual({ start: new Date("2026-03-28T23:00:00Z"), end: new Date("2026-03-29T22:00:00Z") });
    expect(hoursOf(spring)).toBe(23);
    const autumn = dayInZone("2026-10-25", "Europe/Berlin");
    expect(autumn).toEqual({ start: new Date("2026-10-24T22:00:00Z"), end: new Date("2026-10-25T23:00:00Z") });
    expect(hoursOf(autumn)).toBe(25);
    expect(hoursOf(dayInZone("2026-10-26", "Europe/Berlin"))).toBe(24);
  });

  it("west of UTC too: New York's change days", () => {
    expect(dayInZone("2026-03-08", "America/New_York")).toEqual({ start: new Date("2026-03-08T05:00:00Z"), end: new Date("2026-03-09T04:00:00Z") });
    expect(hoursOf(dayInZone("2026-11-01", "America/New_York"))).toBe(25);
  });

  it("starts at 01:00 when summer time skips midnight itself (Havana)", () => {
    // Cuba moves its clocks from 00:00 to 01:00: 8 March 2026 has no 00:00.
    expect(startOfDayInZone("2026-03-08", "America/Havana")).toEqual(new Date("2026-03-08T05:00:00Z"));
    expect(hoursOf(dayInZone("2026-03-08", "America/Havana"))).toBe(23);
  });

  it("rolls over months and years, and refuses a day that is not one", () => {
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(() => startOfDayInZone("2026-02-30", "UTC")).toThrow(/not a calendar day/);
    expect(() => startOfDayInZone("6 Dec", "UTC")).toThrow(/not a calendar day/);
  });
});
