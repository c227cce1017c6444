// Display formats shared by pages: one place, so every page shows time the same way: in the reader's
// zone (lib/settings/display-time-zone.ts), with the zone named.
import { formatInZone, UTC } from "./time-zone";

export function formatDateTime(value: Date | null | undefined, timeZone: string = UTC): string {
  return value ? formatInZone(value, timeZone) : "—";
}
