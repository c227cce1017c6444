import { randomBytes } from "node:crypto";
import pg from "pg";
import { credentials } from "./fixtures";

// Seeds an article and its comments straight into the e2e database, with unique names per call, so
// a spec sees only what it made however other specs decide the demo thread.

export interface SeedComment {
  body: string;
  author: string | null;
  replyTo?: number;
  isFlagged?: boolean;
  /** Flagged, with the flag marking body[start, end). */
  flagSpan?: [number, number];
}

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function seedArticle(comments: SeedComment[], options: { publishedAt?: string; titlePrefix?: string } = {}): Promise<{ articleId: number; title: string; ids: number[]; stamp: string }> {
  const stamp = randomBytes(4).toString("hex");
  return withDatabase(async (client) => {
    const title = `${options.titlePrefix ?? "Seeded"} ${stamp}: cables through Karachi`;
    const article = await client.query<{ id: number }>(`INSERT INTO article (key, title, body, "publishedAt") VALUES ($1, $2, 'The article text.', $3::timestamptz AT TIME ZONE 'UTC') RETURNING id`, [
      `e2e:${stamp}`,
      title,
      options.publishedAt ?? new Date().toISOString(),
    ]);
    const articleId = article.rows[0]!.id;
    const rule = await client.query<{ id: number }>(`SELECT id FROM rule ORDER BY id LIMIT 1`);
    const ids: number[] = [];
    for (const [index, comment] of comments.entries()) {
      const inserted = await client.query<{ id: number }>(
        `INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt", "parentId", priority)
         VALUES ($1, 'e2e', $2, $2, $3, $4, (now() AT TIME ZONE 'UTC') - make_interval(mins => $5), $6, 0) RETURNING id`,
        [articleId, `e2e:${stamp}:${index}`, comment.author, comment.body, 100 - index, comment.replyTo === undefined ? null : ids[comment.replyTo]],
      );
      const id = inserted.rows[0]!.id;
      ids.push(id);
      if (comment.isFlagged || comment.flagSpan) {
        const spans = JSON.stringify(comment.flagSpan ? [comment.flagSpan] : []);
        await client.query(`INSERT INTO flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason) VALUES ($1, $2, 1, 'ABUSIVE', 0.9, $3, 'seeded for e2e')`, [id, rule.rows[0]!.id, spans]);
        // As the flag writers do: the queue's category filter reads the comment's flagCategories.
        await client.query(`UPDATE comment SET "flagCategories" = '{ABUSIVE}' WHERE id = $1`, [id]);
      }
    }
    return { articleId, title, ids, stamp };
  });
}

/**
 * Appends `count` plain comments to a seeded article, one a `step` apart from `daysAgo` days back, in
 * the order they were posted, and returns every id of the thread in that order (the seeded ones
 * first): for the thread page's windows, which a handful of seeded comments never fills.
 */
export async function appendThreadComments(thread: { articleId: number; stamp: string }, options: { count: number; daysAgo: number; step: "1 second" | "1 minute"; body: string }): Promise<number[]> {
  return withDatabase(async (client) => {
    await client.query(
      `INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt")
       SELECT $1, 'e2e', $2 || g, $2 || g, 'reader' || (g % 40), $3 || ' ' || g || '.', (now() AT TIME ZONE 'UTC') - make_interval(days => $4) + g * $5::interval
       FROM generate_series(1, $6::int) g`,
      [thread.articleId, `e2e:${thread.stamp}:thread:`, options.body, options.daysAgo, options.step, options.count],
    );
    return (await client.query<{ id: number }>(`SELECT id FROM comment WHERE "articleId" = $1 ORDER BY "postedAt", id`, [thread.articleId])).rows.map((row) => row.id);
  });
}
