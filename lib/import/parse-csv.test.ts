import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse-csv";
import { chunksOf, collect, fixture } from "./parse-test-helpers";

const options = { fileName: "comments.csv" };

describe("parseCsv", () => {
  it("reads rows, quoted multi-line bodies and zone-less dates", async () => {
    const { articles, comments, problems, warnings } = await collect(parseCsv(fixture("comments.csv"), options));
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(articles.map((article) => article.key)).toEqual(["id:925511", "url:https://tribune.com.pk/story/925600", expect.stringMatching(/^title:/)]);
    expect(comments.map((comment) => comment.line)).toEqual([2, 3, 5, 6]);
    expect(comments[1]).toMatchObject({ key: "id:c-2", parentKey: "id:c-1", authorExternalId: "u-77", body: 'Let us not make fool of intelligence of common reader.\nArticle says "landing sites"' });
    expect(comments[2]).toMatchObject({ body: "Roads flooded, again.", statusHint: "PENDING", postedAt: new Date("2015-07-24T10:30:00Z") });
    expect(comments[3]).toMatchObject({ statusHint: "HIDDEN", postedAt: new Date("2015-07-25T03:00:00Z") });
  });

  it("reports every bad row with its line and field, warns once about unknown columns, keeps the good rows", async () => {
    const { comments, problems, warnings } = await collect(parseCsv(fixture("comments-bad.csv"), options));
    expect(comments.map((comment) => [comment.externalId, comment.line])).toEqual([["c-1", 2], ["c-7", 8], ["c-10", 12]]);
    expect(comments[1]?.body).toBe("Multi-line,\nstill fine");
    expect(warnings).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining("'likes', 'ip'") })]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining("not valid UTF-8") }),
      expect.objectContaining({ line: 4, message: expect.stringContaining("broken quote") }),
      { line: 5, field: "body", message: "body is empty" },
      { line: 6, field: "posted_at", message: "posted_at 'yesterday' is not a date (expected ISO 8601 like 2015-07-23T18:43:00Z)" },
      expect.objectContaining({ line: 7, message: expect.stringContaining("8 values but the header has 12 columns") }),
      expect.objectContaining({ line: 10, field: "article_title" }),
      expect.objectContaining({ line: 11, message: expect.stringContaining("never closed") }),
    ]);
  });

  it("refuses a header without the required columns, and an empty file", async () => {
    const missing = await collect(parseCsv(chunksOf("author,text\nx,y\n"), options));
    expect(missing.comments).toEqual([]);
    expect(missing.problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/body; posted_at; article_id, article_url or article_title/) })]);
    const empty = await collect(parseCsv(chunksOf(""), options));
    expect(empty.problems).toHaveLength(1);
  });

  it("recovers the rows after a quote that is never closed", async () => {
    const text = 'article_title,body,posted_at\nA,"open,2015-07-23T10:00:00Z\nA,fine,2015-07-23T11:00:00Z\n';
    const { comments, problems } = await collect(parseCsv(chunksOf(text), options));
    expect(comments.map((comment) => comment.body)).toEqual(["fine"]);
    expect(problems).toEqual([expect.objectContaining({ line: 2 })]);
  });

  it("round-trips any properly quoted values exactly", async () => {
    const value = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", " ", "é", "’"), maxLength: 30 });
    const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(value, value.filter((body) => body.trim() !== "")), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 50 }), async (rows, chunkBytes) => {
        const text = ["author,body,article_title,posted_at", ...rows.map(([author, body]) => `${quote(author)},${quote(body)},A,2015-07-23T10:00:00Z`)].join("\n");
        const { comments, problems } = await collect(parseCsv(chunksOf(text, chunkBytes), options));
        expect(problems).toEqual([]);
        expect(comments.map((comment) => [comment.authorName ?? "", comment.body])).toEqual(rows.map(([author, body]) => [author.trim(), body]));
      }),
      { numRuns: 200 },
    );
  });
});
