import { describe, expect, it } from "vitest";
import { parentElsewhereHref } from "./thread-parent";

describe("parentElsewhereHref", () => {
  const reply = { article: { id: 7 }, parent: { id: 42 } };
  it("links a top-level reply to the window around its parent, in another window", () => {
    expect(parentElsewhereHref(reply, 0)).toBe("/articles/7?comment=42");
  });
  it("has no link for a reply nested under its parent, or a comment that answers nobody", () => {
    expect(parentElsewhereHref(reply, 1)).toBeNull();
    expect(parentElsewhereHref({ article: { id: 7 }, parent: null }, 0)).toBeNull();
  });
});
