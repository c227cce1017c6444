import "server-only";
import type { PoolClient } from "pg";
import type { ParsedArticle } from "./types";

// Compatibility with databases filled before WXR and Disqus keys named their site (see
// docs/security-data.md). Their rows carry the old keys (`wordpress:id:501`, article `id:101`).
// Rather than guess each old row's site in a migration (the site URL was never stored), a row is
// re-keyed when the same file is imported again and the row is recognisably the same: an article
// with the same title and URL, a comment with the same text and time. The re-import then finds it
// as a duplicate, as before the upgrade; a second site's comment 501 has other text and is added.

/** Gives legacy-keyed articles that match a parsed one its new key; call before inserting articles. */
export async function rekeyLegacyArticles(client: PoolClient, articles: ParsedArticle[]): Promise<void> {
  const legacy = articles.filter((article) => article.legacyKey !== undefined);
  if (legacy.length === 0) return;
  await client.query(
    `UPDATE article a SET key = s.key
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS s(key, "legacyKey", url, title)
     WHERE a.key = s."legacyKey" AND a.title = s.title AND a.url IS NOT DISTINCT FROM s.url
       AND NOT EXISTS (SELECT 1 FROM article taken WHERE taken.key = s.key)`,
    [legacy.map((a) => a.key), legacy.map((a) => a.legacyKey), legacy.map((a) => a.url ?? null), legacy.map((a) => a.title)],
  );
}

/**
 * Gives legacy-keyed comments that match a staged one (same source key, text and time) the staged
 * row's keys and content hash; call after the COPY into comment_staging, before the INSERT.
 */
export async function rekeyLegacyComments(client: PoolClient): Promise<void> {
  await client.query(
    `UPDATE comment c SET "dedupeKey" = s."dedupeKey", "parentDedupeKey" = s."parentDedupeKey", "contentHash" = s."contentHash"
     FROM comment_staging s
     WHERE s."legacyDedupeKey" IS NOT NULL AND c."dedupeKey" = s."legacyDedupeKey"
       AND c.body = s.body AND c."postedAt" = s."postedAt"
       AND NOT EXISTS (SELECT 1 FROM comment taken WHERE taken."dedupeKey" = s."dedupeKey")`,
  );
}

export interface KeyConflict {
  /** Position of the staged comment in its chunk. */
  index: number;
  existingId: number;
}

/**
 * Staged comments whose key is taken by a stored comment with other content: not duplicates but
 * another comment claiming the same id (two systems sending the same source, an edited comment).
 * Call after the INSERT … ON CONFLICT DO NOTHING; the stored version is kept.
 */
export async function findKeyConflicts(client: PoolClient, inserted: ReadonlySet<number>): Promise<KeyConflict[]> {
  const result = await client.query<{ idx: number; id: number }>(
    `SELECT s.idx, c.id FROM comment_staging s JOIN comment c ON c."dedupeKey" = s."dedupeKey"
     WHERE c."contentHash" <> s."contentHash" ORDER BY s.idx`,
  );
  return result.rows.filter((row) => !inserted.has(row.idx)).map((row) => ({ index: row.idx, existingId: row.id }));
}
