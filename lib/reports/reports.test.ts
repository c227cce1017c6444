import { describe, expect, it } from "vitest";
import { REPORT_PRIORITY_MAX, reportPriorityFor } from "./report-priority";
import { reporterKeyFor } from "./reporter-key";
import { readerReportListSchema, reportCommentBodySchema } from "./schemas";
import { describeReaderNote, describeReports } from "./summarize-reports";

describe("reportPriorityFor", () => {
  it("adds 10 for the first report and 10 more per doubling, capped", () => {
    expect([0, 1, 2, 3, 7, 15, 1000].map(reportPriorityFor)).toEqual([0, 10, 16, 20, 30, 40, 40]);
    expect(reportPriorityFor(-3)).toBe(0);
    expect(reportPriorityFor(Number.NaN)).toBe(0);
  });

  it("never lets reports alone outrank a severe rule match (severity 5 scores at least 50)", () => {
    expect(reportPriorityFor(1_000_000)).toBe(REPORT_PRIORITY_MAX);
    expect(REPORT_PRIORITY_MAX).toBeLessThan(50);
  });
});

describe("describeReports", () => {
  it("totals the reports and lists reasons, most frequent first", () => {
    expect(describeReports([{ reason: "spam", count: 1 }, { reason: "abusive", count: 2 }])).toBe("Reported 3× (abusive ×2, spam)");
    expect(describeReports([{ reason: "off_topic", count: 1 }])).toBe("Reported 1× (off-topic)");
    expect(describeReports([{ reason: "spam", count: 2 }, { reason: "abusive", count: 2 }])).toBe("Reported 4× (abusive ×2, spam ×2)");
  });

  it("says nothing when there are no reports", () => {
    expect(describeReports([])).toBeNull();
    expect(describeReports([{ reason: "spam", count: 0 }])).toBeNull();
  });
});

describe("reporterKeyFor", () => {
  const key = Buffer.from("a server-side key of thirty-two characters");

  it("keeps a keyed hash, never the reader's id, and the same reader gets the same key", () => {
    const stored = reporterKeyFor(key, "wordpress", "reader-42");
    expect(stored).toMatch(/^hmac:[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain("reader-42");
    expect(reporterKeyFor(key, "wordpress", "reader-42")).toBe(stored);
  });

  it("tells readers, sites and keys apart", () => {
    const stored = reporterKeyFor(key, "wordpress", "reader-42");
    expect(reporterKeyFor(key, "wordpress", "reader-43")).not.toBe(stored);
    expect(reporterKeyFor(key, "disqus", "reader-42")).not.toBe(stored);
    expect(reporterKeyFor(Buffer.from("another key of thirty-two characters!!"), "wordpress", "reader-42")).not.toBe(stored);
    expect(reporterKeyFor(key, "ab", "c")).not.toBe(reporterKeyFor(key, "a", "bc"));
  });

  it("files a report without a reader id under the site's anonymous tally", () => {
    expect(reporterKeyFor(key, "api", undefined)).toBe("anonymous:api");
  });
});

describe("report schemas", () => {
  it("accepts the fixed reasons with optional count, reader id and note", () => {
    expect(readerReportListSchema.parse([{ reason: "abusive" }, { reason: "spam", count: 3, note: "bot" }, { reason: "other", reporterId: " r1 " }])).toEqual([
      { reason: "abusive" },
      { reason: "spam", count: 3, note: "bot" },
      { reason: "other", reporterId: "r1" },
    ]);
  });

  it("refuses unknown reasons, bad counts, unknown fields and empty or oversized lists", () => {
    expect(readerReportListSchema.safeParse([{ reason: "rude" }]).success).toBe(false);
    expect(readerReportListSchema.safeParse([{ reason: "spam", count: 0 }]).success).toBe(false);
    expect(readerReportListSchema.safeParse([{ reason: "spam", count: 1.5 }]).success).toBe(false);
    expect(readerReportListSchema.safeParse([{ reason: "spam", reporter: "x" }]).success).toBe(false);
    expect(readerReportListSchema.safeParse([{ reason: "spam", note: "a\u0000b" }]).success).toBe(false);
    expect(readerReportListSchema.safeParse([]).success).toBe(false);
    expect(readerReportListSchema.safeParse(Array.from({ length: 501 }, () => ({ reason: "spam" }))).success).toBe(false);
    expect(reportCommentBodySchema.safeParse({ reports: [{ reason: "spam" }], extra: 1 }).success).toBe(false);
  });
});

describe("describeReaderNote", () => {
  it("says whose words follow and for which reason, and when there are more", () => {
    expect(describeReaderNote({ reason: "abusive", count: 1 })).toBe("a reader (abusive):");
    expect(describeReaderNote({ reason: "off_topic", count: 3 })).toBe("the latest of 3 readers' notes (off-topic):");
    expect(describeReaderNote({ reason: "spam", count: 1200 })).toBe("the latest of 1,200 readers' notes (spam):");
  });
});
