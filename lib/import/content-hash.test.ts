import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { articleKeyFor, commentContentHash, commentKeyFor } from "./content-hash";

const postedAt = new Date("2015-07-23T18:43:00Z");

describe("commentContentHash", () => {
  it("is a sha256 hex digest that ignores surrounding whitespace and Unicode normalization form", () => {
    const composed = commentContentHash({ articleKey: "id:1", authorName: "Zoë", postedAt, body: "  café \n" });
    const decomposed = commentContentHash({ articleKey: "id:1", authorName: "Zoë", postedAt, body: "cafe\u0301" });
    expect(composed).toMatch(/^[0-9a-f]{64}$/);
    expect(decomposed).toBe(composed);
  });

  it("stays the digest stored keys were made with (dedupe across imports depends on it)", () => {
    const canonical = JSON.stringify(["id:1", "Zoë", "2015-07-23T18:43:00.000Z", "café \u{1F621} \"quoted\""]);
    const stored = createHash("sha256").update(canonical, "utf8").digest("hex");
    expect(commentContentHash({ articleKey: "id:1", authorName: "Zoë", postedAt, body: " cafe\u0301 \u{1F621} \"quoted\"\n" })).toBe(stored);
  });

  it("cannot be fooled by moving text between fields", () => {
    const a = commentContentHash({ articleKey: "id:1", authorName: "a|b", postedAt, body: "c" });
    const b = commentContentHash({ articleKey: "id:1", authorName: "a", postedAt, body: "b|c" });
    expect(a).not.toBe(b);
    expect(commentContentHash({ articleKey: "id:1", postedAt, body: "x" })).not.toBe(commentContentHash({ articleKey: "id:1", authorName: "", postedAt, body: "x" }));
  });
});

describe("articleKeyFor / commentKeyFor", () => {
  it("prefers the external id, then the url, then a title+date hash", () => {
    expect(articleKeyFor({ externalId: "925511", url: "https://x", title: "T" })).toBe("id:925511");
    expect(articleKeyFor({ url: "https://x", title: "T" })).toBe("url:https://x");
    const byTitle = articleKeyFor({ title: "T", publishedAt: postedAt });
    expect(byTitle).toMatch(/^title:[0-9a-f]{64}$/);
    expect(byTitle).not.toBe(articleKeyFor({ title: "T" }));
  });

  it("uses id: for sourced comments and hash: otherwise", () => {
    const content = { articleKey: "id:1", postedAt, body: "x" };
    expect(commentKeyFor("42", content)).toBe("id:42");
    expect(commentKeyFor(undefined, content)).toBe(`hash:${commentContentHash(content)}`);
  });
});
