import { describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db/client";
import { recordAuditEvent, SYSTEM_ACTOR } from "./record-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function appendEvents(count: number) {
  await Promise.all(
    Array.from({ length: count }, (_, index) =>
      // 50 transactions on a pool of 10, serialised by the chain's lock: a loaded machine needs longer than Prisma's default 2 s wait.
      db.$transaction((tx) => recordAuditEvent(tx, { actor: SYSTEM_ACTOR, action: "test.event", entityType: "test", entityId: index, details: { index, note: "ünïcode ✓" } }), { maxWait: 30_000, timeout: 30_000 }),
    ),
  );
}

describe("the audit log", () => {
  it("keeps its hash chain intact under 50 concurrent appends", async () => {
    const before = await db.auditEvent.count();
    await appendEvents(50);
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ intact: true, events: before + 50 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    await appendEvents(1);
    await withClient(async (client) => {
      await expect(client.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(client.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only: DELETE refused/);
      await expect(client.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    });
    expect(await db.auditEvent.count()).toBeGreaterThan(0);
  });

  it("lets verify find the first edited event, even when the trigger was disabled to edit it", async () => {
    await appendEvents(5);
    const target = await db.auditEvent.findFirstOrThrow({ where: { action: "test.event" }, orderBy: { id: "desc" }, skip: 2 });
    await withClient(async (client) => {
      await client.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      await client.query(`UPDATE audit_event SET details = '{"index": 999}' WHERE id = $1`, [target.id]);
      await client.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    });
    const verdict = await verifyAuditChain(db);
    expect(verdict.intact).toBe(false);
    if (!verdict.intact) {
      expect(verdict.brokenAt.id).toBe(target.id);
      expect(verdict.brokenAt.problem).toMatch(/edited/);
    }
  });
});
