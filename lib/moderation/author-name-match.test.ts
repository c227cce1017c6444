import { describe, expect, it } from "vitest";
import { authorFilterNames, likePrefixPattern } from "./author-name-match";

describe("author name lookup", () => {
  it("matches %, _ and backslash literally in a prefix", () => {
    expect(likePrefixPattern("rahul")).toBe("rahul%");
    expect(likePrefixPattern("50%_off")).toBe("50\\%\\_off%");
    expect(likePrefixPattern("a\\b")).toBe("a\\\\b%");
  });

  it("filters on the stored names the typed text stands for, the exact spelling first", () => {
    expect(authorFilterNames("rahul", ["Rahul"])).toEqual(["Rahul"]);
    expect(authorFilterNames("rahul", ["RAHUL", "Rahul", "rahul"])).toEqual(["rahul", "RAHUL", "Rahul"]);
  });

  it("keeps the typed text when no stored name matches it (the queue then says so)", () => {
    expect(authorFilterNames("nobody", [])).toEqual(["nobody"]);
  });
});
