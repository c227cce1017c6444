import { describe, expect, it } from "vitest";
import { checkJsonShape } from "@/lib/http/json-shape";
import { INGEST_JSON_SHAPE, INGEST_MAX_ARTICLES, INGEST_MAX_BYTES, INGEST_MAX_COMMENTS, INGEST_MAX_REPORTS, ingestBodySchema, ingestTooManyItems } from "./schemas-ingest";

// 10 MB of `{}` was 3.4 million comments in one request, each answered and logged: the byte cap
// alone does not bound the work. A count past the limit is refused before a row is written.

describe("ingestTooManyItems", () => {
  it("takes up to the limit of comments, across articles", () => {
    const half = Array.from({ length: INGEST_MAX_COMMENTS / 2 }, () => ({}));
    expect(ingestTooManyItems(ingestBodySchema.parse([{ title: "a", comments: half }, { title: "b", comments: half }]))).toBeNull();
  });

  it("refuses one comment more, in words", () => {
    const comments = Array.from({ length: INGEST_MAX_COMMENTS + 1 }, () => ({}));
    expect(ingestTooManyItems(ingestBodySchema.parse({ title: "a", comments }))).toBe(
      "The request holds 10,001 comments; at most 10,000 are taken in one request. Send them in several requests, or import a file with the CLI.",
    );
  });

  it("refuses too many articles, even without comments", () => {
    const articles = Array.from({ length: INGEST_MAX_ARTICLES + 1 }, (_, index) => ({ title: `t${index}`, comments: [] }));
    expect(ingestTooManyItems(ingestBodySchema.parse(articles))).toMatch(/^The request holds 1,001 articles; at most 1,000/);
  });

  it("refuses more readers' reports than one transaction should hold, across comments", () => {
    const withReports = (count: number) => ({ body: "b", postedAt: "2026-01-01T00:00:00Z", reports: Array.from({ length: count }, () => ({ reason: "spam" })) });
    const atLimit = Array.from({ length: INGEST_MAX_REPORTS / 500 }, () => withReports(500));
    expect(ingestTooManyItems(ingestBodySchema.parse({ title: "a", comments: atLimit }))).toBeNull();
    expect(ingestTooManyItems(ingestBodySchema.parse({ title: "a", comments: [...atLimit, withReports(1)] }))).toMatch(/^The request holds 10,001 readers' reports; at most 10,000/);
  });
});

describe("INGEST_JSON_SHAPE", () => {
  // The shape limit (lib/http/json-shape.ts) must not refuse what the item limits take: the fullest
  // request, every optional field filled, all counts at their limits.
  it("passes 1,000 articles of 10 comments, every field set, with 10,000 reports of every field", () => {
    const comment = (index: number) => ({
      id: `c${index}`, parentId: `c${index - 1}`, author: "A reader", authorId: `u${index}`, body: "A comment.", postedAt: "2026-01-01T00:00:00Z",
      status: "pending", source: "site", reports: [{ reason: "spam", count: 2, reporterId: `r${index}`, note: "n" }],
    });
    const articles = Array.from({ length: INGEST_MAX_ARTICLES }, (_, article) => ({
      id: `a${article}`, url: `https://example.org/${article}`, title: "Title", body: "Body", publishedAt: "2026-01-01",
      comments: Array.from({ length: INGEST_MAX_COMMENTS / INGEST_MAX_ARTICLES }, (_, index) => comment(article * 100 + index)),
    }));
    const bytes = Buffer.from(JSON.stringify(articles));
    expect(bytes.length).toBeLessThan(INGEST_MAX_BYTES);
    expect(ingestTooManyItems(ingestBodySchema.parse(articles))).toBeNull();
    expect(checkJsonShape(bytes, INGEST_JSON_SHAPE)).toEqual({ ok: true });
  });
});
