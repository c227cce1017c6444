import { describe, expect, it } from "vitest";
import { articleFieldProblem, commentFieldProblem, MAX_AUTHOR_CHARS, MAX_KEY_BYTES } from "./field-limits";
import { ingestBodySchema } from "./schemas-ingest";

// PostgreSQL's B-tree entries stop at 2,704 bytes: a longer id, author name or url failed the whole
// chunk (and the ingest answered 500). Each is refused per comment, naming the field.

const comment = { source: "moddesk", key: "id:c-1" };

describe("commentFieldProblem", () => {
  it("lets ordinary comments through, up to the limits", () => {
    expect(commentFieldProblem({ ...comment, parentKey: "id:c-0", authorName: "é".repeat(MAX_AUTHOR_CHARS), authorExternalId: "u-7" })).toBeNull();
    expect(commentFieldProblem({ source: "s", key: `id:${"x".repeat(MAX_KEY_BYTES - 5)}` })).toBeNull();
  });

  it("refuses an id whose key passes the byte limit, counting UTF-8 bytes, not characters", () => {
    // 700 CJK characters are 2,100 bytes: fewer characters than the limit, more bytes.
    expect(commentFieldProblem({ source: "moddesk", key: `id:${"漢".repeat(700)}` })).toEqual({ field: "id", message: expect.stringMatching(/^id is too long: with its source it takes 2,111 bytes, at most 2,000/) });
    expect(commentFieldProblem({ source: "x".repeat(3000), key: "hash:abc" })?.field).toBe("source");
    expect(commentFieldProblem({ source: "x".repeat(3000), key: "id:c-1" })?.field).toBe("source");
    expect(commentFieldProblem({ ...comment, parentKey: `id:${"p".repeat(3000)}` })?.field).toBe("parentId");
  });

  it("refuses a long author name or author id", () => {
    expect(commentFieldProblem({ ...comment, authorName: "a".repeat(MAX_AUTHOR_CHARS + 1) })).toEqual({ field: "author", message: "author is 201 characters long, at most 200; the comment was not imported" });
    expect(commentFieldProblem({ ...comment, authorExternalId: "a".repeat(201) })?.field).toBe("authorId");
  });

  it("refuses a NUL in an id, its source or its parent's id", () => {
    expect(commentFieldProblem({ ...comment, key: "id:a\u0000b" })?.field).toBe("id");
    expect(commentFieldProblem({ ...comment, source: "s\u0000" })?.field).toBe("source");
    expect(commentFieldProblem({ ...comment, parentKey: "id:\u0000" })?.field).toBe("parentId");
    expect(commentFieldProblem({ ...comment, authorExternalId: "\u0000" })?.field).toBe("authorId");
  });
});

describe("articleFieldProblem", () => {
  it("refuses an article whose id or url passes the byte limit, or holds a NUL", () => {
    expect(articleFieldProblem({ key: "id:925511", externalId: "925511" })).toBeNull();
    const url = `https://example.org/${"a".repeat(MAX_KEY_BYTES)}`;
    expect(articleFieldProblem({ key: `url:${url}`, url })).toMatchObject({ field: "url", message: expect.stringMatching(/^the article's url is too long/) });
    expect(articleFieldProblem({ key: `id:${"9".repeat(MAX_KEY_BYTES)}`, externalId: "9".repeat(MAX_KEY_BYTES) })?.field).toBe("id");
    expect(articleFieldProblem({ key: "url:https://x/\u0000", url: "https://x/\u0000" })?.field).toBe("url");
  });
});

describe("the ingest body", () => {
  const comments = [{ body: "hi", postedAt: "2026-01-01T00:00:00Z" }];

  it("is refused (a 400, not a 500 from the insert) when an article field holds a NUL or its id is too long", () => {
    for (const [field, article] of [
      ["title", { title: "Nul\u0000", comments }],
      ["body", { title: "Nul", body: "a\u0000b", comments }],
      ["id", { id: "n\u0000", title: "Nul", comments }],
      ["url", { url: "https://x/\u0000", title: "Nul", comments }],
      ["url", { url: `https://x/${"u".repeat(3000)}`, title: "Long", comments }],
    ] as const) {
      const parsed = ingestBodySchema.safeParse(article);
      expect(parsed.success, field).toBe(false);
      expect(parsed.error?.issues.some((issue) => issue.path.includes(field)), field).toBe(true);
    }
    expect(ingestBodySchema.safeParse({ id: "fine", title: "Fine", comments }).success).toBe(true);
  });
});
