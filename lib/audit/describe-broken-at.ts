import { formatInZone } from "@/lib/time-zone";

/**
 * When the first broken audit event was written, as the rest of the log shows times: in the
 * reader's zone, named (the check's answer carries ISO UTC). Event id 0 means the log had no event
 * to name (it could not be read at all).
 */
export function describeBrokenAt(brokenAt: { id: number; createdAt: string }, timeZone: string): string {
  const at = new Date(brokenAt.createdAt);
  return brokenAt.id === 0 || Number.isNaN(at.getTime()) ? "no event" : formatInZone(at, timeZone);
}
