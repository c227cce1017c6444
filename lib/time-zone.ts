// Time zones for display. Stored and exported times stay UTC (ISO 8601); only what people read is shown
// in the desk's zone (or their own), with the zone named so nobody mistakes it for UTC.

export const UTC = "UTC";

/** True for a zone name this runtime knows (IANA, e.g. "Asia/Karachi", or "UTC"). */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The server's own zone: the default for a desk that has not chosen one. */
export function serverTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : UTC;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's short name at that instant ("UTC", "GMT+5", "BST"): summer time changes it. */
export function zoneAbbreviation(value: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" }).formatToParts(value).find((entry) => entry.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** "23 Jul 2015, 00:00 GMT+5": the date and time in the zone, the zone named. */
export function formatInZone(value: Date, timeZone: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : UTC;
  return `${formatterFor(zone).format(value)} ${zoneAbbreviation(value, zone)}`;
}

const timeThenDayFormatters = new Map<string, { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat }>();

/** "11:07 GMT+5 on 6 Dec 2026": when something happened, the time first, the zone named, the day always. */
export function formatTimeThenDay(value: Date, timeZone: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : UTC;
  let pair = timeThenDayFormatters.get(zone);
  if (!pair) {
    pair = {
      time: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }),
      day: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: zone }),
    };
    timeThenDayFormatters.set(zone, pair);
  }
  return `${pair.time.format(value)} ${zoneAbbreviation(value, zone)} on ${pair.day.format(value)}`;
}

/** A handful of zones to offer first; any IANA name can be typed. */
export const COMMON_TIME_ZONES = ["UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Karachi", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney"];

/** The zone a page's day filters are read in: the URL's `tz` when it names a real zone (a shared link keeps its author's days), else the reader's. */
export function dayFilterZone(urlZone: string | undefined, readerTimeZone: string): string {
  const zone = urlZone?.trim();
  return zone && isTimeZone(zone) ? zone : readerTimeZone;
}
