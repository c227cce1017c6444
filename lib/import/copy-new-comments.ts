import "server-only";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { copyTextPieces, type CopyTextWriter } from "./copy-text-writer";
import { writeCommentText } from "./write-comment-text";
import type { StagedComment } from "./write-comment-chunk";

// The first load of a file is made of chunks whose comments are all new. For those, one COPY
// straight into comment replaces the COPY into staging and the INSERT … SELECT from it: each row is
// written once. The ids are taken from comment's sequence beforehand, so a reply whose parent is in
// the same chunk carries its parentId from the first write (before, it was linked by an UPDATE: a
// second version of the row, with every index written again). The unique index still decides what
// is new: a key already stored (a re-import, a concurrent import of the same file) fails the COPY
// with a unique violation, the savepoint undoes it, and the caller takes the staging path, whose
// INSERT … ON CONFLICT DO NOTHING sorts duplicates from new comments.

const SAVEPOINT = "copy_new_comments";
/** unique_violation (a key is taken) and foreign_key_violation (a stored parent went away meanwhile). */
const FALLBACK_CODES = new Set(["23505", "23503"]);

const COLUMNS = `id, "articleId", source, "externalId", "dedupeKey", "contentHash", "parentDedupeKey", "parentId", "authorName", "authorExternalId",
  body, "searchVector", "postedAt", status, priority, "isHeld", "flagCategories", "importBatchId"`;

export interface NewCommentsWritten {
  /** Dedupe key → id of every comment of the chunk (all were new). */
  newIds: Map<string, number>;
  /** Ids of the replies whose parent is not stored yet: linkParents looks for it again under its lock. */
  unlinkedReplies: number[];
}

/** Writes the chunk in one COPY when every comment in it is new; null (nothing written) when it is not, or may not be. */
export async function copyNewComments(client: PoolClient, batchId: number | null, comments: StagedComment[]): Promise<NewCommentsWritten | null> {
  // Legacy keys need the staging table (legacy-keys.ts); a key twice in the chunk is a duplicate to count.
  if (comments.some((comment) => comment.legacyDedupeKey !== null)) return null;
  if (new Set(comments.map((comment) => comment.dedupeKey)).size !== comments.length) return null;
  // A re-import of a file is duplicates from end to end: three probes spare it a COPY that would fail.
  if (await anyStored(client, comments)) return null;
  const ids = await takeIds(client, comments.length);
  const newIds = new Map<string, number>();
  comments.forEach((comment, index) => newIds.set(comment.dedupeKey, ids[index] as number));

  const articleIds = await idsByKey(client, `SELECT key, id FROM article WHERE key = ANY($1::text[])`, new Set(comments.map((comment) => comment.articleKey)));
  // A comment whose article is not stored is dropped by the staging path's join, as before.
  if (comments.some((comment) => !articleIds.has(comment.articleKey))) return null;
  const outside = new Set<string>();
  for (const comment of comments) if (comment.parentDedupeKey !== null && !newIds.has(comment.parentDedupeKey)) outside.add(comment.parentDedupeKey);
  const storedParents = await idsByKey(client, `SELECT "dedupeKey" AS key, id FROM comment WHERE "dedupeKey" = ANY($1::text[])`, outside);

  const unlinkedReplies: number[] = [];
  const parentIds = comments.map((comment, index) => {
    if (comment.parentDedupeKey === null) return null;
    const parentId = newIds.get(comment.parentDedupeKey) ?? storedParents.get(comment.parentDedupeKey) ?? null;
    if (parentId === null) unlinkedReplies.push(ids[index] as number);
    return parentId;
  });

  await client.query(`SAVEPOINT ${SAVEPOINT}`);
  try {
    const rows = copyTextPieces(comments, (out, comment, index) => writeRow(out, comment, ids[index] as number, articleIds.get(comment.articleKey) as number, parentIds[index] ?? null, batchId));
    await pipeline(Readable.from(rows), client.query(copyFrom(`COPY comment (${COLUMNS}) FROM STDIN`)));
  } catch (error) {
    if (!FALLBACK_CODES.has((error as { code?: string }).code ?? "")) throw error;
    await client.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    return null;
  }
  await client.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
  return { newIds, unlinkedReplies };
}

async function anyStored(client: PoolClient, comments: StagedComment[]): Promise<boolean> {
  const probes = [comments[0], comments[comments.length >> 1], comments[comments.length - 1]].map((comment) => (comment as StagedComment).dedupeKey);
  const result = await client.query(`SELECT 1 FROM comment WHERE "dedupeKey" = ANY($1::text[]) LIMIT 1`, [probes]);
  return result.rows.length > 0;
}

/** Ids from comment's sequence, ascending, so that ids follow the file's order as the staging path's do. */
async function takeIds(client: PoolClient, count: number): Promise<number[]> {
  const result = await client.query<{ id: number }>(`SELECT nextval('comment_id_seq')::int AS id FROM generate_series(1, $1::int)`, [count]);
  return result.rows.map((row) => row.id).sort((a, b) => a - b);
}

async function idsByKey(client: PoolClient, sql: string, keys: Set<string>): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (keys.size === 0) return found;
  const result = await client.query<{ key: string; id: number }>(sql, [[...keys]]);
  for (const row of result.rows) found.set(row.key, row.id);
  return found;
}

/** One row of COLUMNS; the user's text escaped as copyField does, the rest ASCII by construction. */
function writeRow(out: CopyTextWriter, c: StagedComment, id: number, articleId: number, parentId: number | null, batchId: number | null): void {
  out.plain(String(id));
  out.plain(String(articleId));
  out.text(c.source);
  out.text(c.externalId);
  out.text(c.dedupeKey);
  out.plain(c.contentHash);
  out.text(c.parentDedupeKey);
  out.plain(parentId === null ? "\\N" : String(parentId));
  writeCommentText(out, c);
  out.plain(batchId === null ? "\\N" : String(batchId));
}
