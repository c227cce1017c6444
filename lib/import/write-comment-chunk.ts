import "server-only";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { recordAuditEventPg, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import type { FlagResult } from "@/lib/rules/types";
import { copyRow } from "./copy-format";

// One chunk of an import, in the caller's transaction: COPY into a staging table, then one
// INSERT ... ON CONFLICT DO NOTHING into comment, so dedupe is decided by the unique index even
// when two imports of the same file run at once.

export interface StagedComment {
  articleId: number;
  source: string;
  externalId: string | null;
  dedupeKey: string;
  contentHash: string;
  parentDedupeKey: string | null;
  authorName: string | null;
  authorExternalId: string | null;
  body: string;
  postedAt: Date;
  status: "PENDING" | "APPROVED" | "HIDDEN";
  priority: number;
  isHeld: boolean;
  flags: FlagResult[];
  autoHide: boolean;
}

const STAGING_COLUMNS = `idx int, "articleId" int, source text, "externalId" text, "dedupeKey" text, "contentHash" text,
  "parentDedupeKey" text, "authorName" text, "authorExternalId" text, body text, "postedAt" timestamp(3),
  status "CommentStatus", priority int, "isHeld" boolean`;

async function copyIntoStaging(client: PoolClient, comments: StagedComment[]): Promise<void> {
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS comment_staging (${STAGING_COLUMNS}) ON COMMIT DELETE ROWS`);
  const rows = function* () {
    for (const [index, c] of comments.entries()) {
      yield copyRow([index, c.articleId, c.source, c.externalId, c.dedupeKey, c.contentHash, c.parentDedupeKey, c.authorName, c.authorExternalId, c.body, c.postedAt, c.status, c.priority, c.isHeld]);
    }
  };
  await pipeline(Readable.from(rows()), client.query(copyFrom(`COPY comment_staging FROM STDIN`)));
}

/** Returns the dedupe keys that were new, with their ids. */
export async function writeCommentChunk(client: PoolClient, batchId: number | null, comments: StagedComment[]): Promise<Map<string, number>> {
  if (comments.length === 0) return new Map();
  await copyIntoStaging(client, comments);
  const inserted = await client.query<{ id: number; dedupeKey: string }>(
    `INSERT INTO comment ("articleId", source, "externalId", "dedupeKey", "contentHash", "parentDedupeKey", "authorName",
       "authorExternalId", body, "postedAt", status, priority, "isHeld", "importBatchId")
     SELECT "articleId", source, "externalId", "dedupeKey", "contentHash", "parentDedupeKey", "authorName",
       "authorExternalId", body, "postedAt", status, priority, "isHeld", $1
     FROM comment_staging ORDER BY idx
     ON CONFLICT ("dedupeKey") DO NOTHING
     RETURNING id, "dedupeKey"`,
    [batchId],
  );
  const newIds = new Map(inserted.rows.map((row) => [row.dedupeKey, row.id]));
  if (newIds.size === 0) return newIds;
  await linkParents(client, [...newIds.values()]);
  await insertFlags(client, comments, newIds);
  await recordAutoHides(client, comments, newIds);
  return newIds;
}

/** Replies find their parents both ways: new comments whose parent exists, and older orphans whose parent just arrived. */
async function linkParents(client: PoolClient, ids: number[]): Promise<void> {
  await client.query(
    `UPDATE comment c SET "parentId" = p.id FROM comment p
     WHERE c.id = ANY($1::int[]) AND c."parentId" IS NULL AND c."parentDedupeKey" IS NOT NULL AND p."dedupeKey" = c."parentDedupeKey"`,
    [ids],
  );
  await client.query(
    `UPDATE comment c SET "parentId" = p.id FROM comment p
     WHERE p.id = ANY($1::int[]) AND c."parentDedupeKey" = p."dedupeKey" AND c."parentId" IS NULL`,
    [ids],
  );
}

async function insertFlags(client: PoolClient, comments: StagedComment[], newIds: Map<string, number>): Promise<void> {
  const rows: string[] = [];
  for (const comment of comments) {
    const commentId = newIds.get(comment.dedupeKey);
    if (commentId === undefined) continue;
    for (const flag of comment.flags) {
      rows.push(copyRow([commentId, Number(flag.ruleId), flag.ruleVersion, flag.category, flag.score, JSON.stringify(flag.spans), flag.reason]));
    }
  }
  if (rows.length === 0) return;
  await pipeline(Readable.from(rows), client.query(copyFrom(`COPY flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason) FROM STDIN`)));
}

/** An auto-hide rule decides like a moderator would: a system decision with its audit event. */
async function recordAutoHides(client: PoolClient, comments: StagedComment[], newIds: Map<string, number>): Promise<void> {
  for (const comment of comments) {
    const commentId = newIds.get(comment.dedupeKey);
    if (commentId === undefined || !comment.autoHide) continue;
    const rules = comment.flags.filter((flag) => flag.action === "AUTO_HIDE").map((flag) => flag.ruleName);
    const decision = await client.query<{ id: number }>(
      `INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, note) VALUES ($1, 'HIDE', 'PENDING', 'HIDDEN', $2, $3) RETURNING id`,
      [commentId, reasonForCategory(comment.flags), `auto-hidden by ${rules.join(", ")}`],
    );
    await client.query(`UPDATE comment SET status = 'HIDDEN', "decidedAt" = now() AT TIME ZONE 'UTC', version = version + 1 WHERE id = $1`, [commentId]);
    await recordAuditEventPg(client, {
      actor: SYSTEM_ACTOR,
      action: "comment.auto_hide",
      entityType: "comment",
      entityId: commentId,
      details: { decisionId: decision.rows[0]?.id, rules },
    });
  }
}

function reasonForCategory(flags: FlagResult[]): string {
  return flags.find((flag) => flag.action === "AUTO_HIDE")?.category ?? "OTHER";
}
