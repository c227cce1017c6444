import "server-only";
import type { PoolClient } from "pg";
import type { ParsedArticle } from "./types";

export interface TitleMatches {
  /** Import key → the one existing article with that exact title: its comments go there. */
  matched: Map<string, { id: number; key: string; title: string }>;
  /** Import key → how many existing articles share the title: a new article is made, and said. */
  ambiguous: Map<string, number>;
}

/** An article the file names by title (and maybe a date) only: no id, no url. */
export const isTitleOnly = (article: ParsedArticle) => article.key.startsWith("title:");

/**
 * New title-only articles whose title an article already stored carries (one loaded from another
 * source, by id or url, or from a file without the date this one has). A title is how people name
 * an article, so one stored article with exactly that title is taken to be it; two or more cannot
 * be told apart, and the file's article is made anew. Articles published on different days are
 * different articles ("Live updates" every day), whatever their titles. One query per chunk.
 */
export async function matchArticlesByTitle(client: PoolClient, articles: ParsedArticle[]): Promise<TitleMatches> {
  const matches: TitleMatches = { matched: new Map(), ambiguous: new Map() };
  const candidates = articles.filter(isTitleOnly);
  if (candidates.length === 0) return matches;
  const { rows } = await client.query<{ importKey: string; id: number; key: string; title: string }>(
    `SELECT s.key AS "importKey", a.id, a.key, a.title
     FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS s(key, title, "publishedAt")
     JOIN article a ON a.title = s.title
       AND (a."publishedAt" IS NULL OR s."publishedAt" IS NULL OR a."publishedAt"::date = (s."publishedAt" AT TIME ZONE 'UTC')::date)
     WHERE NOT EXISTS (SELECT 1 FROM article e WHERE e.key = s.key)
     ORDER BY a.id`,
    [candidates.map((article) => article.key), candidates.map((article) => article.title.trim()), candidates.map((article) => article.publishedAt?.toISOString() ?? null)],
  );
  const byKey = new Map<string, { id: number; key: string; title: string }[]>();
  for (const { importKey, ...article } of rows) byKey.set(importKey, [...(byKey.get(importKey) ?? []), article]);
  for (const [importKey, found] of byKey) {
    if (found.length === 1) matches.matched.set(importKey, found[0]!);
    else matches.ambiguous.set(importKey, found.length);
  }
  return matches;
}
