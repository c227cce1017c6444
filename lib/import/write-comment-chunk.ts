import "server-only";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { recordAuditEventPg, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import type { FlagResult } from "@/lib/detect/types";
import { copyField } from "./copy-format";
import { copyNewComments } from "./copy-new-comments";
import { copyTextPieces, type CopyTextWriter } from "./copy-text-writer";
import { writeCommentText } from "./write-comment-text";
import { findKeyConflicts, rekeyLegacyArticles, rekeyLegacyComments } from "./legacy-keys";
import type { ParsedArticle } from "./types";
import { enqueueFlaggedComments, enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";

// One chunk of an import, in the caller's transaction. A chunk of new comments goes straight into
// comment by one COPY (copy-new-comments.ts); any other (a re-import, legacy keys, a key twice) goes
// by COPY into a staging table and one INSERT ... ON CONFLICT DO NOTHING into comment. Either way
// dedupe is decided by the unique index, even when two imports of the same file run at once. Flags go in by COPY in the same transaction:
// no comment is ever visible without its flags. The comment row carries its flag categories from
// the first write (the search-vector trigger turns them into the lexemes the category filter reads).

export interface StagedComment {
  articleKey: string;
  source: string;
  externalId: string | null;
  dedupeKey: string;
  /** The key an earlier version gave this comment (WXR, Disqus), for lib/import/legacy-keys.ts. */
  legacyDedupeKey: string | null;
  contentHash: string;
  parentDedupeKey: string | null;
  authorName: string | null;
  authorExternalId: string | null;
  /** Its search vector is written with the row when the loader can compute it (search-vector.ts), else the trigger makes it. */
  body: string;
  postedAt: Date;
  status: "PENDING" | "APPROVED" | "HIDDEN";
  priority: number;
  isHeld: boolean;
  flags: FlagResult[];
  autoHide: boolean;
  /** Where it came from in the file, for problems about it. */
  line: number;
}

export interface ChunkResult {
  /** Dedupe key → id of each comment that was new. */
  newIds: Map<string, number>;
  /** Comments whose id is taken by a stored comment with other content (kept, this one not). */
  conflicts: { comment: StagedComment; existingId: number }[];
}

// Serialises the parent-linking tail of concurrent imports: after taking it, a chunk sees every
// comment other imports committed, so a reply and its parent arriving at once in two imports still
// find each other (one of the two links them).
const PARENT_LINK_LOCK = 7_240_011;

const STAGING_COLUMNS = `idx int, "articleKey" text, source text, "externalId" text, "dedupeKey" text, "legacyDedupeKey" text, "contentHash" text,
  "parentDedupeKey" text, "authorName" text, "authorExternalId" text, body text, "searchVector" tsvector, "postedAt" timestamp(3),
  status "CommentStatus", priority int, "isHeld" boolean, "flagCategories" "RuleCategory"[]`;

/** One row of STAGING_COLUMNS; the user's text escaped as copyField does, the rest ASCII by construction. */
function writeStagingRow(out: CopyTextWriter, c: StagedComment, index: number): void {
  out.plain(String(index));
  out.text(c.articleKey);
  out.text(c.source);
  out.text(c.externalId);
  out.text(c.dedupeKey);
  out.text(c.legacyDedupeKey);
  out.plain(c.contentHash);
  out.text(c.parentDedupeKey);
  writeCommentText(out, c);
}

async function copyIntoStaging(client: PoolClient, comments: StagedComment[]): Promise<void> {
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS comment_staging (${STAGING_COLUMNS}) ON COMMIT DELETE ROWS`);
  await pipeline(Readable.from(copyTextPieces(comments, writeStagingRow)), client.query(copyFrom(`COPY comment_staging FROM STDIN`)));
}

/** Keeps the first version of an article: a later file cannot silently rewrite what moderators saw. */
export async function insertArticles(client: PoolClient, articles: ParsedArticle[]): Promise<void> {
  if (articles.length === 0) return;
  await rekeyLegacyArticles(client, articles);
  // Sorted, so that concurrent imports take the key locks in the same order (no deadlock).
  const sorted = [...articles].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  await client.query(
    `INSERT INTO article (key, "externalId", url, title, body, "publishedAt")
     SELECT key, "externalId", url, title, body, ("publishedAt" AT TIME ZONE 'UTC')
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS a(key, "externalId", url, title, body, "publishedAt")
     ON CONFLICT (key) DO NOTHING`,
    [
      sorted.map((a) => a.key),
      sorted.map((a) => a.externalId ?? null),
      sorted.map((a) => a.url ?? null),
      sorted.map((a) => a.title),
      sorted.map((a) => a.body ?? null),
      sorted.map((a) => a.publishedAt?.toISOString() ?? null),
    ],
  );
}

/** Writes a chunk; returns the comments that were new (with their ids) and those whose id was taken. */
export async function writeCommentChunk(client: PoolClient, batchId: number | null, comments: StagedComment[]): Promise<ChunkResult> {
  if (comments.length === 0) return { newIds: new Map(), conflicts: [] };
  const copied = await copyNewComments(client, batchId, comments);
  if (copied) {
    await afterInsert(client, comments, copied.newIds, copied.unlinkedReplies);
    return { newIds: copied.newIds, conflicts: [] };
  }
  await copyIntoStaging(client, comments);
  if (comments.some((comment) => comment.legacyDedupeKey !== null)) await rekeyLegacyComments(client);
  // Parents already stored are linked as the row goes in (no second row version for most replies).
  const inserted = await client.query<{ id: number; dedupeKey: string; parentDedupeKey: string | null; parentId: number | null }>(
    `INSERT INTO comment ("articleId", source, "externalId", "dedupeKey", "contentHash", "parentDedupeKey", "parentId", "authorName",
       "authorExternalId", body, "searchVector", "postedAt", status, priority, "isHeld", "flagCategories", "importBatchId")
     SELECT a.id, s.source, s."externalId", s."dedupeKey", s."contentHash", s."parentDedupeKey", p.id, s."authorName",
       s."authorExternalId", s.body, s."searchVector", s."postedAt", s.status, s.priority, s."isHeld", s."flagCategories", $1
     FROM comment_staging s
     JOIN article a ON a.key = s."articleKey"
     LEFT JOIN comment p ON p."dedupeKey" = s."parentDedupeKey"
     ORDER BY s.idx
     ON CONFLICT ("dedupeKey") DO NOTHING
     RETURNING id, "dedupeKey", "parentDedupeKey", "parentId"`,
    [batchId],
  );
  const newIds = new Map<string, number>();
  const unlinkedReplies: number[] = [];
  for (const row of inserted.rows) {
    newIds.set(row.dedupeKey, row.id);
    if (row.parentDedupeKey !== null && row.parentId === null) unlinkedReplies.push(row.id);
  }
  const conflicts = await keyConflicts(client, comments, newIds);
  if (newIds.size === 0) return { newIds, conflicts };
  await afterInsert(client, comments, newIds, unlinkedReplies);
  return { newIds, conflicts };
}

/** What follows the comments' rows in their transaction: reply links, flags, webhook events, auto-hides. */
async function afterInsert(client: PoolClient, comments: StagedComment[], newIds: Map<string, number>, unlinkedReplies: number[]): Promise<void> {
  await linkParents(client, newIds, unlinkedReplies);
  await insertFlags(client, comments, newIds);
  const flaggedIds = comments.filter((comment) => comment.flags.length > 0).flatMap((comment) => newIds.get(comment.dedupeKey) ?? []);
  if (flaggedIds.length > 0) await enqueueFlaggedComments((sql, params) => client.query(sql, params), flaggedIds);
  await recordAutoHides(client, comments, newIds);
}

async function keyConflicts(client: PoolClient, comments: StagedComment[], newIds: Map<string, number>): Promise<ChunkResult["conflicts"]> {
  // The first staged comment of each new key is the one inserted.
  const inserted = new Set<number>();
  const seen = new Set<string>();
  comments.forEach((comment, index) => {
    if (newIds.has(comment.dedupeKey) && !seen.has(comment.dedupeKey)) inserted.add(index);
    seen.add(comment.dedupeKey);
  });
  // Every row new (the common case of a first import): no key can have been taken.
  if (inserted.size === comments.length) return [];
  const found = await findKeyConflicts(client, inserted);
  return found.map(({ index, existingId }) => ({ comment: comments[index] as StagedComment, existingId }));
}

/**
 * Replies find their parents both ways: new replies written without their parent (it came later in
 * the chunk, or in another import committed meanwhile), and older orphans whose parent just arrived.
 */
async function linkParents(client: PoolClient, newIds: Map<string, number>, unlinkedReplies: number[]): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock($1)", [PARENT_LINK_LOCK]);
  if (unlinkedReplies.length > 0) {
    await client.query(
      `UPDATE comment c SET "parentId" = p.id FROM comment p
       WHERE c.id = ANY($1::int[]) AND c."parentId" IS NULL AND p."dedupeKey" = c."parentDedupeKey"`,
      [unlinkedReplies],
    );
  }
  await client.query(
    `UPDATE comment c SET "parentId" = p.id FROM comment p
     WHERE p.id = ANY($1::int[]) AND c."parentDedupeKey" = p."dedupeKey" AND c."parentId" IS NULL`,
    [[...newIds.values()]],
  );
}

async function insertFlags(client: PoolClient, comments: StagedComment[], newIds: Map<string, number>): Promise<void> {
  const items: { commentId: number; flags: FlagResult[] }[] = [];
  for (const comment of comments) {
    const commentId = newIds.get(comment.dedupeKey);
    if (commentId !== undefined && comment.flags.length > 0) items.push({ commentId, flags: comment.flags });
  }
  await insertCommentFlags(client, items);
}

/** COPYs the flags of many comments at once (the importer, and rule re-runs in lib/rules). */
export async function insertCommentFlags(client: PoolClient, items: { commentId: number; flags: FlagResult[] }[]): Promise<void> {
  let rows = "";
  for (const { commentId, flags } of items) {
    for (const flag of flags) {
      rows += `${commentId}\t${Number(flag.ruleId)}\t${flag.ruleVersion}\t${flag.category}\t${flag.score}\t${copyField(JSON.stringify(flag.spans))}\t${copyField(flag.reason)}\n`;
    }
  }
  if (rows === "") return;
  await pipeline(Readable.from([rows]), client.query(copyFrom(`COPY flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason) FROM STDIN`)));
}

/** An auto-hide rule decides like a moderator would: a system decision with its audit event. */
async function recordAutoHides(client: PoolClient, comments: StagedComment[], newIds: Map<string, number>): Promise<void> {
  for (const comment of comments) {
    const commentId = newIds.get(comment.dedupeKey);
    if (commentId === undefined || !comment.autoHide) continue;
    await recordAutoHide(client, commentId, comment.flags);
  }
}

/** Hides one PENDING comment as a system decision with its audit event (importer and rule re-runs). */
export async function recordAutoHide(client: PoolClient, commentId: number, flags: FlagResult[]): Promise<void> {
  const rules = flags.filter((flag) => flag.action === "AUTO_HIDE").map((flag) => flag.ruleName);
  const decision = await client.query<{ id: number }>(
    `INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, note, "createdAt") VALUES ($1, 'HIDE', 'PENDING', 'HIDDEN', $2, $3, now() AT TIME ZONE 'UTC') RETURNING id`,
    [commentId, reasonForCategory(flags), `auto-hidden by ${rules.join(", ")}`],
  );
  await client.query(`UPDATE comment SET status = 'HIDDEN', "decidedAt" = now() AT TIME ZONE 'UTC', version = version + 1 WHERE id = $1`, [commentId]);
  await enqueueWebhookEvent((sql, params) => client.query(sql, params), {
    type: "comment.decided",
    orderingKey: `comment:${commentId}`,
    commentId,
    data: { decision: { id: decision.rows[0]?.id, action: "HIDE", fromStatus: "PENDING", toStatus: "HIDDEN", reason: reasonForCategory(flags), decidedAt: new Date().toISOString(), by: "system", rules } },
  });
  await recordAuditEventPg(client, {
    actor: SYSTEM_ACTOR,
    action: "comment.auto_hide",
    entityType: "comment",
    entityId: commentId,
    details: { decisionId: decision.rows[0]?.id, rules },
  });
}

function reasonForCategory(flags: FlagResult[]): string {
  return flags.find((flag) => flag.action === "AUTO_HIDE")?.category ?? "OTHER";
}
