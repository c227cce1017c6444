import { describe, expect, it } from "vitest";
import { makeRange } from "./date-range";
import { emptyDecisionDaySummary, latencyFromDecisionDays, moderatorCountsFromDecisionDays, reasonsFromDecisionDays } from "./decision-day-summary";

const day = (name: string, latency: number[], extra: Partial<ReturnType<typeof emptyDecisionDaySummary>> = {}) => ({ ...emptyDecisionDaySummary(name), latency: Float64Array.from(latency).sort(), ...extra });

describe("decision-day summaries", () => {
  it("give per-bucket and overall percentiles of the days' seconds, buckets without decisions left out", () => {
    const days = [day("2026-11-23", [10, 30]), day("2026-11-24", []), day("2026-11-25", [20]), day("2026-12-01", [100])];
    const daily = latencyFromDecisionDays(makeRange("2026-11-23", "2026-12-01"), days);
    expect(daily.overall).toEqual({ decided: 4, medianSeconds: 25, p90Seconds: expect.closeTo(79, 9) });
    expect(daily.byDay.map((point) => [point.day, point.decided, point.medianSeconds])).toEqual([["2026-11-23", 2, 20], ["2026-11-25", 1, 20], ["2026-12-01", 1, 100]]);
    const weekly = latencyFromDecisionDays({ ...makeRange("2026-11-23", "2026-12-01"), bucket: "week" }, days);
    expect(weekly.byDay.map((point) => [point.day, point.decided, point.medianSeconds])).toEqual([["2026-11-23", 3, 20], ["2026-11-30", 1, 100]]);
    expect(latencyFromDecisionDays(makeRange("2026-11-23", "2026-11-24"), []).overall).toEqual({ decided: 0, medianSeconds: null, p90Seconds: null });
  });

  it("sum reasons (most by moderators first, then by name), approvals and moderators over days", () => {
    const one = day("2026-11-23", [], { approved: 2, reasons: { SPAM: [1, 2], ABUSIVE: [1, 0] }, moderators: { a: [2, 1, 1] } });
    const two = day("2026-11-24", [], { approved: 1, reasons: { OTHER: [3, 0], ABUSIVE: [0, 1] }, moderators: { a: [1, 0, 1], b: [3, 3, 0] } });
    expect(reasonsFromDecisionDays([one, two])).toEqual({
      hidden: [
        { reason: "OTHER", byModerators: 3, byRules: 0 },
        { reason: "ABUSIVE", byModerators: 1, byRules: 1 },
        { reason: "SPAM", byModerators: 1, byRules: 2 },
      ],
      approved: 3,
    });
    expect(moderatorCountsFromDecisionDays([one, two])).toEqual({ a: [3, 1, 2], b: [3, 3, 0] });
    expect(one.moderators).toEqual({ a: [2, 1, 1] });
  });
});
