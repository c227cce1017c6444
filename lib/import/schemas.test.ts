import { describe, expect, it } from "vitest";
import { importJsonSchemas, jsonArticleSchema, jsonCommentSchema, jsonlCommentSchema } from "./schemas";

describe("JSON interchange schemas", () => {
  it("accepts a documented comment and rejects a zone-less or non-ISO date", () => {
    const comment = { id: "c-1", parentId: "c-0", author: "jerry", body: "Hi", postedAt: "2015-07-23T18:43:00+05:00", status: "approved", source: "disqus" };
    expect(jsonCommentSchema.safeParse(comment).success).toBe(true);
    expect(jsonCommentSchema.safeParse({ ...comment, postedAt: "2015-07-23 18:43" }).success).toBe(false);
    expect(jsonCommentSchema.safeParse({ ...comment, postedAt: "yesterday" }).success).toBe(false);
    expect(jsonCommentSchema.safeParse({ ...comment, body: "   " }).success).toBe(false);
  });

  it("requires an article title and lets JSONL reference an article by id, url or title", () => {
    expect(jsonArticleSchema.safeParse({ url: "https://x", comments: [] }).success).toBe(false);
    const line = { body: "x", postedAt: "2015-07-23T18:43:00Z" };
    expect(jsonlCommentSchema.safeParse({ ...line, article: { id: "1" } }).success).toBe(true);
    expect(jsonlCommentSchema.safeParse({ ...line, article: { title: "T" } }).success).toBe(true);
    expect(jsonlCommentSchema.safeParse({ ...line, article: {} }).success).toBe(false);
  });

  it("rejects fields it does not know, in comments, articles and JSONL article references", () => {
    const comment = { body: "Hi", postedAt: "2015-07-23T18:43:00Z" };
    expect(jsonCommentSchema.safeParse({ ...comment, athor: "typo" }).success).toBe(false);
    expect(jsonArticleSchema.safeParse({ title: "T", comments: [], tags: ["x"] }).success).toBe(false);
    expect(jsonlCommentSchema.safeParse({ ...comment, article: { id: "1", slug: "x" } }).success).toBe(false);
    expect(jsonArticleSchema.safeParse({ title: "T", comments: [comment] }).success).toBe(true);
  });

  it("publishes JSON Schema documents", () => {
    const schemas = importJsonSchemas();
    expect(Object.keys(schemas)).toEqual(["jsonFile", "jsonArticle", "jsonComment", "jsonlComment"]);
    expect(schemas.jsonComment).toMatchObject({ type: "object", required: expect.arrayContaining(["body", "postedAt"]) });
    expect(JSON.stringify(schemas.jsonFile)).toContain("anyOf");
  });
});
