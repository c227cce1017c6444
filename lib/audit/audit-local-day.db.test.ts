import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { listAuditEvents } from "./queries";
import { recordAuditEvent } from "./record-audit-event";
import { parseAuditFilters } from "./schemas";

// The audit log's "From" and "To" days are the reader's: a Kathmandu (+05:45) admin's 6 December
// ends at 18:15 UTC, so an event at 23:30 local is on the 6th and one at 00:30 local on the 7th.

async function recordAt(instant: string, actorLabel: string): Promise<number> {
  // The event's time is the clock's when it is recorded: set the clock, not the row.
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(instant) });
  try {
    return (await db.$transaction((tx) => recordAuditEvent(tx, { actor: { id: null, label: actorLabel }, action: "test.local_day", entityType: "comment", entityId: "1" }))).id;
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => vi.useRealTimers());

describe("filtering the audit log by the reader's days", () => {
  it("splits events at the reader's midnight, not UTC's", async () => {
    const actor = `local-day-${randomUUID().slice(0, 8)}@example.com`;
    // 2025-12-06 23:30 and 2025-12-07 00:30 in Kathmandu; both on the UTC 6th.
    const late = await recordAt("2025-12-06T17:45:00Z", actor);
    const early = await recordAt("2025-12-06T18:45:00Z", actor);
    const idsOn = async (day: string, readerTimeZone: string, tz?: string) => {
      const { filters, problems } = parseAuditFilters({ actor, since: day, until: day, tz }, readerTimeZone);
      expect(problems).toEqual([]);
      return (await listAuditEvents({ filters, limit: 10, scope: "all" })).events.map((event) => event.id);
    };
    expect(await idsOn("2025-12-06", "Asia/Kathmandu")).toEqual([late]);
    expect(await idsOn("2025-12-07", "Asia/Kathmandu")).toEqual([early]);
    expect(await idsOn("2025-12-06", "UTC")).toEqual([early, late]);
    // A shared link keeps its author's zone whoever opens it.
    expect(await idsOn("2025-12-06", "UTC", "Asia/Kathmandu")).toEqual([late]);
  });
});
