import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { appendFileSync, chmodSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { env } from "@/lib/env";
import { canonicalJson } from "./hash-chain";

// Signed checkpoints of the audit chain: its length and head hash at a moment, signed with the audit
// key, appended as JSON lines to <data folder>/audit-checkpoints.jsonl (0600), outside the database.
// A chain cut short (events deleted at the end) or rewritten (every hash recomputed) no longer
// contains the checkpoints' heads: audit verify says so. Copy the file elsewhere now and then
// (`moddesk audit checkpoints > copy.jsonl`): a copy off the machine also survives root.

export const CHECKPOINTS_FILE = "audit-checkpoints.jsonl";

export interface Checkpoint {
  /** Number of events in the chain up to and including lastId. */
  count: number;
  lastId: number;
  head: string;
  at: string;
}

export interface SignedCheckpoint extends Checkpoint {
  mac: string;
}

export function defaultCheckpointsFile(): string {
  return path.join(env().MODDESK_DATA_DIR, CHECKPOINTS_FILE);
}

function macOf(key: Buffer, checkpoint: Checkpoint): string {
  const { count, lastId, head, at } = checkpoint;
  return createHmac("sha256", key).update("moddesk-audit-checkpoint\n").update(canonicalJson({ count, lastId, head, at })).digest("hex");
}

export function signCheckpoint(key: Buffer, checkpoint: Checkpoint): SignedCheckpoint {
  return { ...checkpoint, mac: macOf(key, checkpoint) };
}

function isValidMac(key: Buffer, checkpoint: SignedCheckpoint): boolean {
  const expected = Buffer.from(macOf(key, checkpoint), "hex");
  const given = Buffer.from(typeof checkpoint.mac === "string" ? checkpoint.mac : "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface CheckpointFile {
  checkpoints: Checkpoint[];
  /** Lines that are not valid signed checkpoints: "line 3: ..." */
  problems: string[];
}

const NPM_BANNER_LINE = /^> \S/;

/** Reads and authenticates a checkpoints file; a missing file has no checkpoints. */
export function readCheckpoints(file: string, key: Buffer): CheckpointFile {
  if (!existsSync(file)) return { checkpoints: [], problems: [] };
  const checkpoints: Checkpoint[] = [];
  const problems: string[] = [];
  readFileSync(file, "utf8").split("\n").forEach((line, index) => {
    // Blank lines, and the banner `npm run` prints on stdout ("> moddesk@0.1.0 moddesk"), which lands
    // in a copy made with `npm run moddesk -- audit checkpoints > copy.jsonl`. Skipping them hides
    // nothing: a checkpoint only counts when its MAC verifies, and deleting one is as easy as this.
    if (line.trim() === "" || NPM_BANNER_LINE.test(line)) return;
    let parsed: SignedCheckpoint;
    try {
      parsed = JSON.parse(line) as SignedCheckpoint;
    } catch {
      problems.push(`${path.basename(file)} line ${index + 1} is not JSON`);
      return;
    }
    if (!Number.isInteger(parsed.count) || !Number.isInteger(parsed.lastId) || typeof parsed.head !== "string" || typeof parsed.at !== "string" || !isValidMac(key, parsed)) {
      problems.push(`${path.basename(file)} line ${index + 1} is not a checkpoint signed with this installation's audit key (edited, or the key changed)`);
      return;
    }
    checkpoints.push({ count: parsed.count, lastId: parsed.lastId, head: parsed.head, at: parsed.at });
  });
  return { checkpoints, problems };
}

/** The chain's head as one consistent read (appends commit in id order: they hold the chain's lock). */
export async function readChainHead(client: pg.ClientBase): Promise<Omit<Checkpoint, "at"> | null> {
  const result = await client.query<{ id: number; hash: string; count: string }>(
    `SELECT a.id, a.hash, (SELECT count(*) FROM audit_event) AS count FROM audit_event a ORDER BY a.id DESC LIMIT 1`,
  );
  const row = result.rows[0];
  return row ? { count: Number(row.count), lastId: row.id, head: row.hash } : null;
}

/** Appends a signed checkpoint of the current head, unless the last one already records it. */
export async function writeCheckpoint(client: pg.ClientBase, key: Buffer, file: string): Promise<Checkpoint | null> {
  const head = await readChainHead(client);
  if (!head) return null;
  const last = readCheckpoints(file, key).checkpoints.at(-1);
  if (last && last.count === head.count && last.head === head.head) return last;
  const checkpoint: Checkpoint = { ...head, at: new Date().toISOString() };
  appendFileSync(file, `${JSON.stringify(signCheckpoint(key, checkpoint))}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return checkpoint;
}
