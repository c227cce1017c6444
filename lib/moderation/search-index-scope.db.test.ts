import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatusName } from "./queue-item";
import { searchIndexScope } from "./search-index-scope";
import { makeArticle, uniqueId } from "./test-factories";

// The search indexes are partial, one per status (migration queue_10m_indexes): a search whose
// condition does not prove an index's predicate reads the whole table. The planner is asked here
// which indexes serve each scope (sequential and plain index scans off: the test database is too
// small to prefer a bitmap of the search index on its own).

async function indexesUsed(status: CommentStatusName | null): Promise<string[]> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    await tx.$executeRaw`SET LOCAL enable_indexscan = off`;
    const [row] = await tx.$queryRaw<{ "QUERY PLAN": unknown }[]>`
      EXPLAIN (FORMAT JSON) SELECT c.id FROM comment c WHERE ${searchIndexScope(status)} AND c."searchVector" @@ ${`'${uniqueId("absent").replace(/\W/g, "")}'`}::tsquery`;
    const names = JSON.stringify(row?.["QUERY PLAN"] ?? null).match(/comment_search_\w+_idx/g) ?? [];
    return [...new Set(names)].sort();
  });
}

describe("the search's index scope", () => {
  it("has each tab's search read its own status's index", async () => {
    // Comments of every status, and statistics saying so: a word none of them has is then cheaper
    // to find in a search index than in a status's index range.
    const articleId = await makeArticle();
    const prefix = `test:id:${uniqueId("scope")}:`;
    await db.$executeRaw`
      INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", body, "postedAt", status)
      SELECT ${articleId}, 'test', ${prefix}::text || g, md5(g::text), 'scope comment ' || g, timestamp '2015-07-23', (ARRAY['PENDING', 'APPROVED', 'HIDDEN'])[1 + g % 3]::"CommentStatus"
      FROM generate_series(1, 600) g`;
    await db.$executeRaw`ANALYZE comment`;
    expect(await indexesUsed("PENDING")).toEqual(["comment_search_pending_idx"]);
    expect(await indexesUsed("APPROVED")).toEqual(["comment_search_approved_idx"]);
    expect(await indexesUsed("HIDDEN")).toEqual(["comment_search_hidden_idx"]);
    // The All tab's OR of the three is served by a BitmapOr of the three indexes at 10M (docs/scaling.md,
    // "At 10M, December 6 evening"); on a table this small the planner prefers a B-tree on status.
  });

  it("selects every comment in the All tab's scope, whatever its status", async () => {
    const statuses = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM comment c WHERE NOT ${searchIndexScope(null)}`;
    expect(statuses[0]?.n).toBe(0n);
    expect(Prisma.sql`${searchIndexScope(null)}`.sql).not.toContain("$");
  });
});
