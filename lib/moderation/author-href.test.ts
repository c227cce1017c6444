import { describe, expect, it } from "vitest";
import { authorHref, authorNameFrom } from "./author-href";

describe("author pages", () => {
  it.each([".", "..", "MK", "a/b", "100%", "?x", "#", "..."])("round-trips %j through its URL", (name) => {
    const url = new URL(authorHref(name), "http://moddesk.test");
    expect(url.pathname.startsWith("/authors/")).toBe(true);
    expect(url.pathname.split("/").length).toBe(3);
    const segment = url.pathname.slice("/authors/".length);
    expect(authorNameFrom(segment, url.searchParams.get("name") ?? undefined)).toBe(name);
  });

  it("takes an undecodable segment as it is", () => {
    expect(authorNameFrom("%", undefined)).toBe("%");
    expect(authorNameFrom("50%25", undefined)).toBe("50%");
  });

  it("names no author for a segment or query holding a NUL (a 404, not the database's error)", () => {
    expect(authorNameFrom("%00", undefined)).toBeNull();
    expect(authorNameFrom("x", "a\u0000b")).toBeNull();
  });
});
