import "server-only";
import type { Db } from "@/lib/db/client";
import { auditKey } from "./audit-key";
import { defaultCheckpointsFile, readCheckpoints, type Checkpoint } from "./checkpoints";
import { GENESIS_HASH, isKeyedHash, keyedAuditEventHash, legacyAuditEventHash } from "./hash-chain";

export type ChainVerdict =
  | { intact: true; events: number; checkpoints: number }
  /** brokenAt names the first event that fails; id 0 when the log has no event to name. */
  | { intact: false; events: number; brokenAt: { id: number; createdAt: Date; problem: string } };

export interface VerifyOptions {
  /** Checkpoint files to check the chain against (default: the data folder's). */
  checkpointFiles?: string[];
  key?: Buffer;
}

const BATCH = 5_000;
const NO_EVENT = { id: 0, createdAt: new Date(0) };

/**
 * Walks the chain in id order, recomputing every hash (keyed after the switch, plain SHA-256 only
 * before it), and checks that the chain passes through every signed checkpoint: an edited event,
 * a removed one, a cut tail and a chain rewritten without the key each fail here.
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<ChainVerdict> {
  const key = options.key ?? auditKey();
  const files = options.checkpointFiles ?? [defaultCheckpointsFile()];
  const checkpoints: Checkpoint[] = [];
  for (const file of files) {
    const read = readCheckpoints(file, key);
    if (read.problems.length > 0) return { intact: false, events: 0, brokenAt: { ...NO_EVENT, problem: read.problems[0] ?? "" } };
    checkpoints.push(...read.checkpoints);
  }
  checkpoints.sort((a, b) => a.count - b.count);
  let next = 0;
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let events = 0;
  let sawKeyed = false;
  let last = NO_EVENT;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: BATCH });
    if (rows.length === 0) break;
    for (const row of rows) {
      const content = { createdAt: row.createdAt, actorId: row.actorId, actorLabel: row.actorLabel, action: row.action, entityType: row.entityType, entityId: row.entityId, details: row.details };
      const keyed = isKeyedHash(row.hash);
      const expected = keyed ? keyedAuditEventHash(key, prevHash, content) : legacyAuditEventHash(prevHash, content);
      const problem =
        row.prevHash !== prevHash
          ? "its link to the previous event is broken (an event was removed or reordered)"
          : !keyed && sawKeyed
            ? "it carries an unkeyed hash after the switch to keyed hashes (the chain was rewritten)"
            : row.hash !== expected
              ? keyed
                ? "its content does not match its keyed hash (the event was edited, or its hash forged without the key)"
                : "its content does not match its hash (the event was edited)"
              : null;
      if (problem) return { intact: false, events, brokenAt: { id: row.id, createdAt: row.createdAt, problem } };
      sawKeyed ||= keyed;
      prevHash = row.hash;
      events += 1;
      afterId = row.id;
      last = { id: row.id, createdAt: row.createdAt };
      for (; next < checkpoints.length && checkpoints[next]!.count === events; next++) {
        const checkpoint = checkpoints[next]!;
        if (checkpoint.lastId !== row.id || checkpoint.head !== row.hash) {
          return { intact: false, events: events - 1, brokenAt: { id: row.id, createdAt: row.createdAt, problem: `the checkpoint of ${checkpoint.at} recorded event ${checkpoint.lastId} with another hash at this position (the chain was rewritten)` } };
        }
      }
    }
  }
  const beyond = checkpoints[next];
  if (beyond) {
    return { intact: false, events, brokenAt: { ...last, problem: `the checkpoint of ${beyond.at} recorded ${beyond.count} events up to event ${beyond.lastId}; the log has ${events} (events at its end were removed)` } };
  }
  return { intact: true, events, checkpoints: checkpoints.length };
}
