import { describe, expect, it } from "vitest";
import { deviceZoneOffer } from "./device-zone-offer";

describe("deviceZoneOffer", () => {
  it("offers the device's zone when the dashboard shows another clock", () => {
    expect(deviceZoneOffer("Asia/Karachi", "UTC", null)).toBe("Asia/Karachi");
    // The same clock in winter only is still another clock.
    expect(deviceZoneOffer("Europe/London", "UTC", null)).toBe("Europe/London");
  });

  it("offers nothing for the same zone, another name of the same clock, a declined zone or an unknown device", () => {
    expect(deviceZoneOffer("Asia/Karachi", "Asia/Karachi", null)).toBeNull();
    expect(deviceZoneOffer("Etc/UTC", "UTC", null)).toBeNull();
    expect(deviceZoneOffer("Asia/Calcutta", "Asia/Kolkata", null)).toBeNull();
    expect(deviceZoneOffer("Asia/Karachi", "UTC", "Asia/Karachi")).toBeNull();
    expect(deviceZoneOffer(null, "UTC", null)).toBeNull();
    expect(deviceZoneOffer("Not/AZone", "UTC", null)).toBeNull();
  });
});
