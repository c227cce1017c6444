import { describe, expect, it } from "vitest";
import { formatInZone, isTimeZone, serverTimeZone } from "./time-zone";

describe("display time zones", () => {
  const karachiEvening = new Date("2015-07-22T19:00:00Z");

  it("shows a Karachi thread on its own day and names the zone", () => {
    expect(formatInZone(karachiEvening, "Asia/Karachi")).toBe("23 Jul 2015, 00:00 GMT+5");
    expect(formatInZone(karachiEvening, "UTC")).toBe("22 Jul 2015, 19:00 UTC");
  });

  it("follows summer time", () => {
    expect(formatInZone(new Date("2026-01-15T12:00:00Z"), "Europe/London")).toBe("15 Jan 2026, 12:00 GMT");
    expect(formatInZone(new Date("2026-07-15T12:00:00Z"), "Europe/London")).toBe("15 Jul 2026, 13:00 BST");
  });

  it("knows real zones and refuses made-up ones, falling back to UTC when asked to format in one", () => {
    expect(isTimeZone("Asia/Karachi")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(formatInZone(karachiEvening, "Mars/Olympus")).toBe("22 Jul 2015, 19:00 UTC");
    expect(isTimeZone(serverTimeZone())).toBe(true);
  });
});
