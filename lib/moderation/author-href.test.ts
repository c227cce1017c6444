import { describe, expect, it } from "vitest";
import { authorHref, authorNameFrom, authorStatusFrom, authorStatusHref } from "./author-href";

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

  it("filters an author's page by status, whatever the name, and round-trips it", () => {
    expect(authorStatusHref("Rahul Sharma", "HIDDEN")).toBe("/authors/Rahul%20Sharma?status=hidden");
    expect(authorStatusHref("Rahul Sharma", null)).toBe("/authors/Rahul%20Sharma");
    const dotted = new URL(authorStatusHref("..", "PENDING"), "http://moddesk.test");
    expect(authorNameFrom(dotted.pathname.slice("/authors/".length), dotted.searchParams.get("name") ?? undefined)).toBe("..");
    expect(authorStatusFrom(dotted.searchParams.get("status") ?? undefined)).toBe("PENDING");
  });

  it("reads only the three statuses; anything else shows them all", () => {
    expect(authorStatusFrom("hidden")).toBe("HIDDEN");
    expect(authorStatusFrom(["approved", "hidden"])).toBe("APPROVED");
    expect(authorStatusFrom("everything")).toBeNull();
    expect(authorStatusFrom(undefined)).toBeNull();
  });
});
