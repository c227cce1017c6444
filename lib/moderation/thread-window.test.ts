import { describe, expect, it } from "vitest";
import { THREAD_PAGE, isThreadStart, threadCursorOf, wordCount, threadCommentCount, threadKeyOf, threadPositionFromQuery, threadWindow, threadWindowCaption, windowSizes } from "./thread-window";

describe("the thread's windows", () => {
  it("reads a third of a page before a focused comment and the rest from it on", () => {
    expect(windowSizes({ around: 7 })).toEqual({ before: 33, from: THREAD_PAGE - 33 });
    expect(windowSizes({ after: "x" })).toEqual({ before: 0, from: THREAD_PAGE });
    expect(windowSizes({ before: "x" })).toEqual({ before: THREAD_PAGE, from: 0 });
    expect(windowSizes({})).toEqual({ before: 0, from: THREAD_PAGE });
  });

  it("puts the earlier rows (read newest first) before the anchor's, oldest first, and says where more is", () => {
    expect(threadWindow([4, 3, 2], [5, 6, 7], { before: 2, from: 2 })).toEqual({ rows: [3, 4, 5, 6], hasEarlier: true, hasLater: true });
    expect(threadWindow([4], [5], { before: 2, from: 2 })).toEqual({ rows: [4, 5], hasEarlier: false, hasLater: false });
    // "Is there anything before?" reads one row and shows none.
    expect(threadWindow([4], [5, 6], { before: 0, from: 2 })).toEqual({ rows: [5, 6], hasEarlier: true, hasLater: false });
  });

  it("keeps a page's edge in a URL cursor and refuses a tampered one", () => {
    const cursor = threadCursorOf({ postedAt: new Date("2026-12-06T09:00:00Z"), id: 42 });
    expect(threadKeyOf(cursor)).toEqual({ at: "2026-12-06T09:00:00.000Z", id: 42 });
    expect(threadKeyOf("not-a-cursor")).toBeNull();
    expect(threadKeyOf(Buffer.from(JSON.stringify({ at: "yesterday", id: 1 })).toString("base64url"))).toBeNull();
  });
});

describe("threadPositionFromQuery", () => {
  it("opens around a comment when ?comment is a row id, whatever else is given", () => {
    expect(threadPositionFromQuery({ comment: "42", after: "x" }).position).toEqual({ around: 42 });
  });

  it("takes the first of repeated values, and keeps them for the return path after sign-in", () => {
    const { position, query } = threadPositionFromQuery({ after: ["c1", "c2"] });
    expect(position).toEqual({ after: "c1" });
    expect(query).toEqual({ comment: undefined, after: "c1", before: undefined });
  });

  it("falls back to ?after, then ?before, then the start; a bad comment id is not an error", () => {
    expect(threadPositionFromQuery({ comment: "abc", before: "c0" }).position).toEqual({ before: "c0" });
    expect(threadPositionFromQuery({ comment: "-1" }).position).toEqual({});
    expect(threadPositionFromQuery({}).position).toEqual({});
  });
});

describe("what the thread page says it shows", () => {
  it("counts in words that fit the number", () => {
    expect(threadCommentCount(1)).toBe("1 comment");
    expect(threadCommentCount(2400)).toBe("2,400 comments");
    expect(threadWindowCaption(1, 1)).toBe("The only comment.");
    expect(threadWindowCaption(21, 21)).toBe("All 21 comments, oldest first.");
    expect(threadWindowCaption(100, 5000)).toMatch(/^100 of 5,000 comments, by when they were posted/);
  });
});

describe("the article above the thread", () => {
  it("is open only at the thread's start", () => {
    expect(isThreadStart({})).toBe(true);
    expect(isThreadStart({ around: 3 })).toBe(false);
    expect(isThreadStart({ after: "x" })).toBe(false);
    expect(isThreadStart({ before: "x" })).toBe(false);
  });
  it("says how long it is when folded", () => {
    expect(wordCount("ISLAMABAD: Pakistan's  agency\nsought")).toBe("4 words");
    expect(wordCount(" one ")).toBe("1 word");
    expect(wordCount("w ".repeat(1234))).toBe("1,234 words");
  });
});
