import { describe, expect, it } from "vitest";
import { pathWithQuery, safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/comments/12", "/comments/12"],
    ["/queue?tab=flagged&q=a%20b", "/queue?tab=flagged&q=a%20b"],
    ["/rules#top", "/rules#top"],
    ["/audit?actor=x%2F%2Fy", "/audit?actor=x%2F%2Fy"],
    // A newline inside a path is dropped as the browser would, not sent on as a header-breaking byte.
    ["/queue\n", "/queue"],
    ["/que\r\nue", "/queue"],
    // Encoded slashes stay encoded: a path segment on our site, never a host.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
  ])("keeps the same-site path %j as %j", (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });

  it.each([
    ["//evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r\n/evil.example/path"],
    ["\t//evil.example"],
    ["/\\evil.example"],
    ["/\t\\evil.example"],
    ["\\\\evil.example"],
    ["\\/evil.example"],
    ["https://evil.example/"],
    ["http:evil.example"],
    ["javascript:alert(1)"],
    ["java\tscript:alert(1)"],
    ["data:text/html,hi"],
    ["evil.example"],
    ["%2F%2Fevil.example"],
    ["/.//evil.example"],
    ["/..//evil.example"],
    ["/./\\evil.example"],
    [" /queue"],
    [""],
    [null],
    [undefined],
    ["/" + "a".repeat(3_000)],
  ])("refuses %j and falls back to the queue", (next) => {
    expect(safeReturnPath(next)).toBe("/queue");
  });

  // Pages only (eighth review): after signing in, the browser went wherever `next` said, and an
  // /api/ address there started an audited export of every decision on a link's say-so.
  it.each([
    ["/api/v1/decisions?format=csv"],
    ["/api/v1/dsa/statements"],
    ["/api"],
    ["/api/"],
    ["/api//v1/decisions?format=csv"],
    ["/./api/v1/decisions?format=csv"],
    ["/queue/../api/v1/decisions?format=csv"],
    ["/\tapi/v1/decisions"], // a tab, dropped as a browser does
  ])("refuses the route handler address %j (pages only)", (next) => {
    expect(safeReturnPath(next)).toBe("/queue");
  });

  it("keeps pages whose names only start like the API's", () => {
    expect(safeReturnPath("/apiary")).toBe("/apiary");
    expect(safeReturnPath("/queue?q=/api/v1")).toBe("/queue?q=/api/v1");
  });

  it("never returns a value that a browser could read as another host", () => {
    const pieces = ["/", "\\", "\t", "\n", "\r", ".", "..", "%2F", "%5C", "evil.example", ":", "@", "?", "#"];
    for (const first of pieces) {
      for (const second of pieces) {
        for (const third of pieces) {
          const path = safeReturnPath(`${first}${second}${third}`);
          const resolved = new URL(path, "https://moddesk.example/sign-in");
          expect(resolved.origin, `${JSON.stringify(first + second + third)} → ${path}`).toBe("https://moddesk.example");
          expect(path).toMatch(/^\/(?![/\\])/);
          expect(path).not.toMatch(/[\t\n\r]/);
        }
      }
    }
  });
});

describe("pathWithQuery", () => {
  it("keeps a page's query, so signing in again comes back to the same tab and filters", () => {
    const next = pathWithQuery("/queue", { tab: "pending", article: "42", author: "Grumpy Reader & co", q: undefined });
    expect(next).toBe("/queue?tab=pending&article=42&author=Grumpy+Reader+%26+co");
    expect(safeReturnPath(next)).toBe(next);
    expect(pathWithQuery("/queue", {})).toBe("/queue");
  });
});
