import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
import { decisionRowsQuery } from "./decision-rows-query";
import { exportQuerySchema } from "./schemas";
import { pumpDecisionExport } from "./stream-decision-export";

// A moderator's "decided on 6 December" is their own 6 December: in Karachi (GMT+5) it runs from
// 19:00 UTC on the 5th to 19:00 UTC on the 6th, so 23:30 local is in and 00:30 the next day is out.

async function seedDecisionsAt(instants: string[]): Promise<{ articleId: number; ids: number[] }> {
  const article = await db.article.create({ data: { key: `test:${randomUUID()}`, title: "Local days" } });
  const ids: number[] = [];
  for (const instant of instants) {
    const comment = await db.comment.create({
      data: { articleId: article.id, body: "text", source: "test", dedupeKey: `test:id:${randomUUID()}`, contentHash: randomUUID(), authorName: "Reader", postedAt: new Date("2026-01-01T00:00:00Z") },
    });
    ids.push((await db.decision.create({ data: { commentId: comment.id, action: "HIDE", fromStatus: "PENDING", toStatus: "HIDDEN", createdAt: new Date(instant) } })).id);
  }
  return { articleId: article.id, ids };
}

async function idsFor(query: Record<string, string>): Promise<number[]> {
  const { format: _format, bom: _bom, ...filters } = exportQuerySchema.parse(query);
  const { text, values } = decisionRowsQuery(filters);
  return (await getPgPool().query<{ decision_id: number }>(text, values)).rows.map((row) => row.decision_id);
}

describe("exporting a day in the reader's zone", () => {
  it("takes a Karachi day from local midnight to local midnight", async () => {
    // 00:30 on the 6th, 23:30 on the 6th, 00:30 on the 7th (Karachi).
    const { articleId, ids } = await seedDecisionsAt(["2026-12-05T19:30:00Z", "2026-12-06T18:30:00Z", "2026-12-06T19:30:00Z"]);
    const article = String(articleId);
    expect(await idsFor({ article, since: "2026-12-06", until: "2026-12-06", tz: "Asia/Karachi" })).toEqual([ids[0], ids[1]]);
    expect(await idsFor({ article, since: "2026-12-07", until: "2026-12-07", tz: "Asia/Karachi" })).toEqual([ids[2]]);
    // Without tz the API's documented UTC day still holds: the 23:30 and 00:30 decisions are both on the UTC 6th.
    expect(await idsFor({ article, since: "2026-12-06", until: "2026-12-06" })).toEqual([ids[1], ids[2]]);
  });

  it("keeps all 25 hours of Berlin's last summer-time day, and records the instants and zone used", async () => {
    // 00:15 and 23:45 local on 25 October 2026 (summer time ends at 03:00), then 00:15 on the 26th.
    const { articleId, ids } = await seedDecisionsAt(["2026-10-24T22:15:00Z", "2026-10-25T22:45:00Z", "2026-10-25T23:15:00Z"]);
    const article = String(articleId);
    expect(await idsFor({ article, since: "2026-10-25", until: "2026-10-25", tz: "Europe/Berlin" })).toEqual([ids[0], ids[1]]);

    const { format, bom, ...filters } = exportQuerySchema.parse({ format: "jsonl", article, since: "2026-10-25", until: "2026-10-25", tz: "Europe/Berlin" });
    let text = "";
    const summary = await pumpDecisionExport({ format, bom, filters, actor: { id: null, label: "export-test" }, via: "test" }, (chunk) => {
      text += chunk;
    });
    expect(summary.rows).toBe(2);
    expect(text.trim().split("\n").map((line) => (JSON.parse(line) as { decision_id: number }).decision_id)).toEqual([ids[0], ids[1]]);
    const event = await db.auditEvent.findUniqueOrThrow({ where: { id: summary.auditEventId } });
    expect((event.details as { filters: unknown }).filters).toEqual({ since: "2026-10-24T22:00:00.000Z", until: "2026-10-25T23:00:00.000Z", dayTimeZone: "Europe/Berlin", article: articleId });
  });
});
