import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { articleKeyFor } from "@/lib/import/content-hash";
import { ingestComments } from "@/lib/import/ingest-comments";
import { runImport } from "@/lib/import/run-import";
import { rulesInThread } from "@/lib/import/chunk-rules";
import { ingestBodySchema } from "@/lib/import/schemas-ingest";
import type { ParseEvent } from "@/lib/import/types";
import { TEST_ACTOR } from "./import-helpers";

// An import that names its article by title alone, when a stored article already has that title.

async function* eventsOf(events: ParseEvent[]): AsyncGenerator<ParseEvent> {
  yield* events;
}

/** A file naming its article by title only (as a CSV with article_title alone), with two comments. */
function titleOnlyFile(title: string, source: string, publishedAt?: Date): ParseEvent[] {
  const articleKey = articleKeyFor({ title, publishedAt });
  return [
    { type: "article", line: 2, article: { key: articleKey, title, ...(publishedAt ? { publishedAt } : {}) } },
    ...[0, 1].map((index): ParseEvent => ({
      type: "comment",
      comment: { articleKey, source, key: `id:${source}-${index}`, externalId: `${source}-${index}`, body: `Comment ${index} of ${source}.`, postedAt: new Date(Date.UTC(2015, 6, 23, 10, index)), index, line: index + 2 },
    })),
  ];
}

const importTitleOnly = (title: string, source: string, publishedAt?: Date) =>
  runImport({ events: eventsOf(titleOnlyFile(title, source, publishedAt)), format: "csv", fileName: "by-title.csv", via: "cli", actor: TEST_ACTOR, rules: rulesInThread(() => []) });

async function storeArticle(externalId: string, title: string, publishedAt?: Date): Promise<number> {
  return (await db.article.create({ data: { key: `id:${externalId}`, externalId, title, publishedAt }, select: { id: true } })).id;
}

describe("an article named by its title alone", () => {
  it("goes into the one stored article with that title, and the summary says so", async () => {
    const existing = await storeArticle("site-77", "Budget talks stall");
    const summary = await importTitleOnly("Budget talks stall", "bytitle");
    expect(summary).toMatchObject({ added: 2, rejected: 0 });
    expect(summary.warnings).toEqual([
      { line: 2, field: "article", message: `the article is named by its title alone, which matched the existing article 'Budget talks stall' (#${existing}): its comments were added to that article. Give the article's id or url to tell articles apart` },
    ]);
    expect(await db.article.count({ where: { title: "Budget talks stall" } })).toBe(1);
    expect(await db.comment.count({ where: { source: "bytitle", articleId: existing } })).toBe(2);

    // Loaded again: the same article, nothing added twice.
    const again = await importTitleOnly("Budget talks stall", "bytitle");
    expect(again).toMatchObject({ added: 0, duplicates: 2 });
    expect(await db.article.count({ where: { title: "Budget talks stall" } })).toBe(1);
  });

  it("makes a new article when several stored articles share the title, and says so", async () => {
    await storeArticle("letters-1", "Letters to the editor");
    await storeArticle("letters-2", "Letters to the editor");
    const summary = await importTitleOnly("Letters to the editor", "letters");
    expect(summary.warnings.map((warning) => warning.message)).toEqual([
      "the article is named by its title alone, and 2 existing articles are titled 'Letters to the editor': a new article was made. Give the article's id or url to load into one of them",
    ]);
    const made = await db.article.findUniqueOrThrow({ where: { key: articleKeyFor({ title: "Letters to the editor" }) }, select: { id: true } });
    expect(await db.comment.count({ where: { source: "letters", articleId: made.id } })).toBe(2);
  });

  it("takes articles published on different days for different articles, whatever their titles", async () => {
    const existing = await storeArticle("live-1", "Live updates", new Date("2015-07-22T06:00:00Z"));
    const otherDay = await importTitleOnly("Live updates", "live-23", new Date("2015-07-23T06:00:00Z"));
    expect(otherDay.warnings).toEqual([]);
    expect(await db.article.count({ where: { title: "Live updates" } })).toBe(2);
    const sameDay = await importTitleOnly("Live updates", "live-22", new Date("2015-07-22T18:00:00Z"));
    expect(sameDay.warnings.map((warning) => warning.message)).toEqual([expect.stringContaining(`(#${existing})`)]);
  });

  it("says nothing when no stored article has the title, or the article has an id", async () => {
    expect((await importTitleOnly("A title nobody used", "fresh")).warnings).toEqual([]);
    const body = ingestBodySchema.parse({ id: "api-title-1", title: "Budget talks stall", comments: [{ id: "t-1", body: "By id.", postedAt: "2015-07-23T13:43:00Z" }] });
    expect((await ingestComments(body, TEST_ACTOR)).warnings).toBeUndefined();
  });

  it("answers the API with the same warning", async () => {
    const existing = await storeArticle("site-88", "Monsoon arrives early");
    const body = ingestBodySchema.parse({ title: "Monsoon arrives early", comments: [{ id: "m-1", body: "Rain at last.", postedAt: "2015-07-23T13:43:00Z" }] });
    const result = await ingestComments(body, TEST_ACTOR);
    expect(result.created).toBe(1);
    expect(result.warnings).toEqual([expect.stringContaining(`matched the existing article 'Monsoon arrives early' (#${existing})`)]);
    expect(await db.comment.findFirstOrThrow({ where: { body: "Rain at last." }, select: { articleId: true } })).toEqual({ articleId: existing });
  });
});
