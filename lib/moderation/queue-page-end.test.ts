import { describe, expect, it } from "vitest";
import { describePageEnd, pageEndAfterDecision } from "./queue-page-end";

describe("pageEndAfterDecision", () => {
  it("is not the end while a comment below is still to decide", () => {
    expect(pageEndAfterDecision(["PENDING", "PENDING", "PENDING"], [1], "PENDING")).toEqual({ isEnd: false, leftAbove: 0 });
  });
  it("is the end after the last card, and after a card followed only by decided ones", () => {
    expect(pageEndAfterDecision(["APPROVED", "HIDDEN", "PENDING"], [2], "PENDING")).toEqual({ isEnd: true, leftAbove: 0 });
    expect(pageEndAfterDecision(["APPROVED", "PENDING", "HIDDEN", "APPROVED"], [1], "PENDING")).toEqual({ isEnd: true, leftAbove: 0 });
  });
  it("counts the comments skipped above, not those decided in the same bulk decision", () => {
    expect(pageEndAfterDecision(["PENDING", "APPROVED", "PENDING", "PENDING", "PENDING"], [3, 4], "PENDING")).toEqual({ isEnd: true, leftAbove: 2 });
    expect(pageEndAfterDecision(["PENDING", "PENDING"], [0, 1], "PENDING")).toEqual({ isEnd: true, leftAbove: 0 });
  });
  it("says nothing of an empty page or an empty decision", () => {
    expect(pageEndAfterDecision([], [], "PENDING").isEnd).toBe(false);
    expect(pageEndAfterDecision(["PENDING"], [], "PENDING").isEnd).toBe(false);
  });
});

describe("describePageEnd", () => {
  it("says what is left and where to go", () => {
    expect(describePageEnd({ isEnd: true, leftAbove: 0 }, true)).toBe("Nothing left to decide on this page.");
    expect(describePageEnd({ isEnd: true, leftAbove: 1 }, true)).toBe("Nothing left to decide below; 1 comment above still to decide.");
    expect(describePageEnd({ isEnd: true, leftAbove: 3 }, false)).toBe("Nothing left to decide below; 3 comments above still to decide. That was the last page of this tab.");
  });
});
