import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { listQueue } from "./list-queue";

// Small factories for the database tests: unique ids, no shared fixtures.

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

export async function makeModerator(label = "mod"): Promise<{ id: string; label: string }> {
  const id = uniqueId(label);
  const email = `${id}@test.local`;
  await db.user.create({ data: { id, name: id, email, role: "moderator" } });
  return { id, label: email };
}

export async function makeArticle(title = "An article"): Promise<number> {
  return (await db.article.create({ data: { key: uniqueId("article"), title, body: "Article text", publishedAt: new Date("2015-07-23T10:00:00Z") }, select: { id: true } })).id;
}

export async function makeComment(articleId: number, data: { body?: string; authorName?: string; priority?: number; postedAt?: Date; parentId?: number } = {}): Promise<{ id: number; version: number }> {
  const key = uniqueId("comment");
  return db.comment.create({
    data: {
      articleId,
      source: "test",
      dedupeKey: `test:id:${key}`,
      contentHash: key,
      body: data.body ?? `Comment ${key}`,
      authorName: data.authorName ?? "Reader",
      postedAt: data.postedAt ?? new Date(),
      priority: data.priority ?? 0,
      parentId: data.parentId,
    },
    select: { id: true, version: true },
  });
}

/** Every id of a queue view, page by page through its cursors (at most 1,000 pages). */
export async function walkQueue(tab: Parameters<typeof listQueue>[0]["tab"], filters: Parameters<typeof listQueue>[0]["filters"], limit: number): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const result = await listQueue({ tab, filters, cursor, limit });
    ids.push(...result.items.map((item) => item.id));
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return ids;
}
