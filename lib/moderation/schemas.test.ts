import { describe, expect, it } from "vitest";
import { collapseNegations, parseQueueQuery, queueChangesQuerySchema, queueQueryProblems, queueQuerySchema } from "./schemas";

describe("queue search text", () => {
  it("collapses a run of dashes to one NOT (PostgreSQL fails past 32)", () => {
    expect(collapseNegations("-".repeat(40))).toBe("-");
    expect(collapseNegations("- ".repeat(40) + "spam")).toBe("- spam");
    expect(collapseNegations("well-known -spam")).toBe("well-known -spam");
    expect(queueQuerySchema.parse({ q: `a ${"-".repeat(45)} b` }).q).toBe("a - b");
  });

  it("says why a search or author filter was not applied", () => {
    expect(queueQuerySchema.parse({ q: "x".repeat(201) }).q).toBeUndefined();
    expect(queueQueryProblems({ q: "x".repeat(201) })).toEqual(["The search is 201 characters long; the limit is 200. It was not applied: shorten it."]);
    expect(queueQuerySchema.parse({ q: "a\u0000b", author: "x\u0000" })).toMatchObject({ q: undefined, author: undefined });
    expect(queueQueryProblems({ q: "a\u0000b", author: "x\u0000" })).toHaveLength(2);
    expect(queueQueryProblems({ q: "fine", author: "MK" })).toEqual([]);
    expect(queueQueryProblems({ category: "rude" })).toEqual(["The category 'rude' is not one of off-topic, nationalist, abusive, spam; it was not applied."]);
    expect(queueQueryProblems({ category: "off-topic" })).toEqual([]);
  });

  it("reads a category typed in any case, with a dash or a space for the underscore", () => {
    for (const typed of ["spam", "Spam", " SPAM "]) expect(parseQueueQuery({ category: typed }, "UTC").category).toBe("SPAM");
    for (const typed of ["off-topic", "off_topic", "Off topic", "OFF_TOPIC"]) expect(parseQueueQuery({ category: typed }, "UTC").category).toBe("OFF_TOPIC");
    expect(parseQueueQuery({ category: "rude" }, "UTC").category).toBeUndefined();
  });
});

describe("the queue's day zone", () => {
  it("keeps a real IANA zone for From and To, and drops an unknown one (the days are then UTC's)", () => {
    expect(queueQuerySchema.parse({ from: "2015-07-23", tz: "Asia/Karachi" })).toMatchObject({ from: "2015-07-23", tz: "Asia/Karachi" });
    expect(queueQuerySchema.parse({ from: "2015-07-23", tz: "Mars/Olympus" }).tz).toBeUndefined();
  });

  it("reads From and To in the URL's zone when it names one, else in the reader's", () => {
    expect(parseQueueQuery({ from: "2015-07-23", tz: "Europe/Berlin" }, "Asia/Karachi").tz).toBe("Europe/Berlin");
    expect(parseQueueQuery({ from: "2015-07-23", tz: "Mars/Olympus" }, "Asia/Karachi").tz).toBe("Asia/Karachi");
    expect(parseQueueQuery({ from: "2015-07-23" }, "Asia/Karachi").tz).toBe("Asia/Karachi");
  });
});

describe("the queue's change feed query", () => {
  it("gives the next page's cursor only when both of its halves are there", () => {
    expect(queueChangesQuerySchema.parse({ since: "2026-12-06T10:00:00Z" })).toEqual({ since: new Date("2026-12-06T10:00:00Z"), after: undefined });
    expect(queueChangesQuerySchema.parse({ since: "2026-12-06T10:00:00Z", afterAt: "2026-12-06T10:00:01Z", afterId: "17" }).after).toEqual({ afterAt: new Date("2026-12-06T10:00:01Z"), afterId: 17 });
  });
});
