import { zoneAbbreviation } from "@/lib/time-zone";

// Pure: the queue's client hint uses it.

/** Mid-January and mid-July: two instants that fall in winter and in summer time on either hemisphere. */
const SEASONS = [Date.UTC(2026, 0, 15, 12), Date.UTC(2026, 6, 15, 12)].map((time) => new Date(time));

/**
 * The zone to offer a reader whose device is in another zone than the one the dashboard shows them,
 * or null. Two names for the same clock all year ("Etc/UTC" and "UTC", "Asia/Calcutta" and
 * "Asia/Kolkata") are not a difference worth a question; a zone the reader already declined is not
 * offered again.
 */
export function deviceZoneOffer(deviceZone: string | null, shownZone: string, declinedZone: string | null): string | null {
  if (!deviceZone || deviceZone === shownZone || deviceZone === declinedZone) return null;
  try {
    const isSameClock = SEASONS.every((instant) => zoneAbbreviation(instant, deviceZone) === zoneAbbreviation(instant, shownZone));
    return isSameClock ? null : deviceZone;
  } catch {
    return null;
  }
}
