import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { articleKeyFor, canonicalBody, commentContentHash, commentKeyFor } from "./content-hash";

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

describe("the content hash's shortcuts", () => {
  const reference = (articleKey: string, authorName: string | undefined, body: string) =>
    createHash("sha256").update(JSON.stringify([articleKey, authorName ?? null, postedAt.toISOString(), body.normalize("NFC").trim()]), "utf8").digest("hex");

  it("skips NFC only for text it cannot change: every pair of the characters it skips for", () => {
    const skipped: string[] = [];
    for (let code = 0; code < 0x300; code++) skipped.push(String.fromCharCode(code));
    for (let code = 0x2002; code <= 0x206f; code++) skipped.push(String.fromCharCode(code));
    let changed = 0;
    for (const first of skipped) for (const second of skipped) if (canonicalBody(first + second) !== (first + second).normalize("NFC").trim()) changed++;
    expect(changed).toBe(0);
    // Just outside: U+2000 and U+2001 decompose (to U+2002, U+2003), U+0301 combines.
    expect(canonicalBody("a\u2000b\u2001c")).toBe("a\u2002b\u2003c");
    expect(canonicalBody("e\u0301")).toBe("é");
  });

  it("hashes what JSON.stringify would have written, escapes or not", () => {
    const pieces = ["plain", " ", "\"", "\\", "\n", "\t", "\u0000", "\u001f", "\u007f", "’", "…", "e\u0301", "\u2000", "\u{1F621}", "\ud800", "\udfff", "\u2028", "</script>", "é"];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const text = () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
    for (let i = 0; i < 2_000; i++) {
      const articleKey = random() < 0.8 ? "id:a-1" : `id:${text()}`;
      const authorName = random() < 0.2 ? undefined : text();
      const body = text();
      expect(commentContentHash({ articleKey, authorName, postedAt, body })).toBe(reference(articleKey, authorName, body));
    }
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
