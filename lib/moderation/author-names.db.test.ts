import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countMatching } from "./bulk-run-create";
import { listQueue } from "./list-queue";
import { resolveAuthorNames } from "./resolve-author-names";
import { suggestAuthorNames } from "./suggest-author-names";
import { makeArticle, makeComment, uniqueId } from "./test-factories";

describe("the author filter finds what a moderator means", () => {
  it("keeps every stored author name once, from any insert (the trigger), and none for a comment without a name", async () => {
    const name = uniqueId("Kept");
    const articleId = await makeArticle();
    await makeComment(articleId, { authorName: name });
    await makeComment(articleId, { authorName: name });
    // A multi-row INSERT, as the ingest path and the import's COPY write them.
    await db.$executeRaw`INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", body, "authorName", "postedAt")
      SELECT ${articleId}, 'test', 'test:id:' || g || ${name}, g::text || ${name}, 'text', ${name} || '-' || (g % 2), now() FROM generate_series(1, 4) g`;
    const rows = await db.$queryRaw<{ name: string }[]>`SELECT name FROM comment_author WHERE name LIKE ${`${name}%`} ORDER BY name`;
    expect(rows.map((row) => row.name)).toEqual([name, `${name}-0`, `${name}-1`]);
  });

  it("resolves the typed text to the stored names, capitals aside, and filters the queue on them", async () => {
    const stem = uniqueId("rahul");
    const stored = stem.replace("rahul", "Rahul");
    const articleId = await makeArticle();
    const mine = await makeComment(articleId, { authorName: stored });
    await makeComment(articleId, { authorName: `${stored} Sharma` });
    expect(await resolveAuthorNames(stem)).toEqual([stored]);
    const page = await listQueue({ tab: "pending", filters: { author: stem }, limit: 10 });
    expect(page.items.map((item) => item.id)).toEqual([mine.id]);
    // "Select all matches" counts what the page shows.
    expect(await countMatching(db, { tab: "pending", filters: { author: stem } })).toBe(1);
  });

  it("filters on every case variant when several authors share a name but its capitals, the exact spelling first", async () => {
    const stem = uniqueId("ana");
    const articleId = await makeArticle();
    const lower = await makeComment(articleId, { authorName: stem });
    const upper = await makeComment(articleId, { authorName: stem.toUpperCase() });
    expect(await resolveAuthorNames(stem)).toEqual([stem, stem.toUpperCase()]);
    const page = await listQueue({ tab: "pending", filters: { author: stem }, limit: 10 });
    expect(page.items.map((item) => item.id).sort()).toEqual([lower.id, upper.id].sort());
  });

  it("finds nothing for an unknown name, as before, and suggests the names that start with it", async () => {
    const stem = uniqueId("grumpy");
    const articleId = await makeArticle();
    await makeComment(articleId, { authorName: `${stem.toUpperCase()}Reader` });
    await makeComment(articleId, { authorName: `${stem}_old%` });
    expect(await resolveAuthorNames(stem)).toEqual([stem]);
    expect((await listQueue({ tab: "pending", filters: { author: stem }, limit: 10 })).items).toEqual([]);
    expect((await suggestAuthorNames(stem)).sort()).toEqual([`${stem.toUpperCase()}Reader`, `${stem}_old%`].sort());
    // % and _ are letters here, not wildcards.
    expect(await suggestAuthorNames(`${stem}_o`)).toEqual([`${stem}_old%`]);
    expect(await suggestAuthorNames(`${stem}%`)).toEqual([]);
    expect(await suggestAuthorNames("   ")).toEqual([]);
  });
});
