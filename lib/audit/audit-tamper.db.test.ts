import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { auditKey } from "./audit-key";
import { checkpointAuditChain } from "./checkpoint-chain";
import { GENESIS_HASH, keyedAuditEventHash, legacyAuditEventHash, type AuditContent } from "./hash-chain";
import { recordAuditEvent, SYSTEM_ACTOR } from "./record-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";

// Tamper evidence against someone who holds the database's superuser login (and so can switch the
// append-only triggers off) but not the audit key, which lives outside the database.

const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-audit-tamper-"));
let checkpoints = "";
const verify = () => verifyAuditChain(db, { checkpointFiles: [checkpoints] });
const checkpoint = () => checkpointAuditChain(process.env.DATABASE_URL ?? "", checkpoints);

/** What an attacker with the superuser login does: triggers off, change, triggers on. */
async function asSuperuser(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
    await work(client);
    await client.query(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
  } finally {
    await client.end();
  }
}

async function append(count: number, label = "test.event"): Promise<void> {
  for (let index = 0; index < count; index++) {
    await db.$transaction((tx) => recordAuditEvent(tx, { actor: SYSTEM_ACTOR, action: label, entityType: "test", entityId: index, details: { index } }));
  }
}

const events = () => db.auditEvent.findMany({ orderBy: { id: "asc" } });
const contentOf = (row: Awaited<ReturnType<typeof events>>[number]): AuditContent => ({ createdAt: row.createdAt, actorId: row.actorId, actorLabel: row.actorLabel, action: row.action, entityType: row.entityType, entityId: row.entityId, details: row.details });

/** Recomputes every hash from `fromIndex` on with `hash` (the attacker's best effort) and stores them. */
async function rewriteChain(fromIndex: number, hash: (prevHash: string, content: AuditContent) => string): Promise<void> {
  const rows = await events();
  await asSuperuser(async (client) => {
    let prevHash = fromIndex === 0 ? GENESIS_HASH : (rows[fromIndex - 1]?.hash ?? GENESIS_HASH);
    for (const row of rows.slice(fromIndex)) {
      const next = hash(prevHash, contentOf(row));
      await client.query(`UPDATE audit_event SET "prevHash" = $2, hash = $3 WHERE id = $1`, [row.id, prevHash, next]);
      prevHash = next;
    }
  });
}

beforeEach(async () => {
  checkpoints = path.join(mkdtempSync(path.join(scratch, "case-")), "audit-checkpoints.jsonl");
  await asSuperuser((client) => client.query(`DELETE FROM audit_event`).then(() => undefined));
});

describe("audit verify against a superuser without the key", () => {
  it("finds an edited event", async () => {
    await append(5);
    const target = (await events())[2]!;
    await asSuperuser((client) => client.query(`UPDATE audit_event SET details = '{"index": 999}' WHERE id = $1`, [target.id]).then(() => undefined));
    expect(await verify()).toMatchObject({ intact: false, events: 2, brokenAt: { id: target.id, problem: expect.stringMatching(/edited/) } });
  });

  it("finds a deleted event in the middle", async () => {
    await append(5);
    const [, , removed, after] = await events();
    await asSuperuser((client) => client.query(`DELETE FROM audit_event WHERE id = $1`, [removed!.id]).then(() => undefined));
    expect(await verify()).toMatchObject({ intact: false, events: 2, brokenAt: { id: after!.id, problem: expect.stringMatching(/removed/) } });
  });

  it("finds events removed from the end, after a checkpoint", async () => {
    await append(5);
    expect(await checkpoint()).toMatchObject({ count: 5 });
    const rows = await events();
    await asSuperuser((client) => client.query(`DELETE FROM audit_event WHERE id >= $1`, [rows[3]!.id]).then(() => undefined));
    expect(await verify()).toMatchObject({ intact: false, events: 3, brokenAt: { id: rows[2]!.id, problem: expect.stringMatching(/recorded 5 events.*the log has 3/) } });
  });

  it("finds a chain rewritten from an edited event with recomputed hashes, keyed or not", async () => {
    await append(6);
    const target = (await events())[2]!;
    await asSuperuser((client) => client.query(`UPDATE audit_event SET "actorLabel" = 'someone else' WHERE id = $1`, [target.id]).then(() => undefined));
    await rewriteChain(2, (prevHash, content) => keyedAuditEventHash(randomBytes(32), prevHash, content));
    expect(await verify()).toMatchObject({ intact: false, brokenAt: { id: target.id, problem: expect.stringMatching(/forged without the key/) } });
    await rewriteChain(2, legacyAuditEventHash);
    expect(await verify()).toMatchObject({ intact: false, brokenAt: { id: target.id, problem: expect.stringMatching(/unkeyed hash after the switch/) } });
  });

  it("finds a whole chain rewritten as an old unkeyed one, through its checkpoint", async () => {
    await append(4);
    await checkpoint();
    await append(2);
    await rewriteChain(0, legacyAuditEventHash);
    const rows = await events();
    expect(await verify()).toMatchObject({ intact: false, events: 3, brokenAt: { id: rows[3]!.id, problem: expect.stringMatching(/checkpoint .* rewritten/) } });
  });

  it("refuses a checkpoint file edited by hand", async () => {
    await append(3);
    await checkpoint();
    const line = JSON.parse(readFileSync(checkpoints, "utf8").trim()) as { count: number };
    writeFileSync(checkpoints, `${JSON.stringify({ ...line, count: 2 })}\n`);
    expect(await verify()).toMatchObject({ intact: false, brokenAt: { problem: expect.stringMatching(/line 1 is not a checkpoint signed/) } });
  });

  it("verifies a chain begun with plain SHA-256 before the key, then keyed, with its checkpoints", async () => {
    // An installation from before the key: its events carry unkeyed hashes.
    await append(3, "before.upgrade");
    await rewriteChain(0, legacyAuditEventHash);
    await append(3, "after.upgrade");
    await checkpoint();
    await append(1);
    const rows = await events();
    expect(rows.map((row) => row.hash.startsWith("hmac:"))).toEqual([false, false, false, true, true, true, true]);
    expect(await verify()).toEqual({ intact: true, events: 7, checkpoints: 1 });
    expect(auditKey().length).toBeGreaterThanOrEqual(32);
  });

  it("writes no new checkpoint while the head has not moved", async () => {
    await append(2);
    await checkpoint();
    await checkpoint();
    expect(readFileSync(checkpoints, "utf8").trim().split("\n")).toHaveLength(1);
  });
});
