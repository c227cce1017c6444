import { describe, expect, it } from "vitest";
import { conflictFields, conflictMessage, describeDecision, targetStatus } from "./policy";

describe("moderation policy", () => {
  it("allows a decision only when it changes the status", () => {
    expect(targetStatus("APPROVE", "PENDING")).toBe("APPROVED");
    expect(targetStatus("APPROVE", "HIDDEN")).toBe("APPROVED");
    expect(targetStatus("HIDE", "APPROVED")).toBe("HIDDEN");
    expect(targetStatus("APPROVE", "APPROVED")).toBeNull();
    expect(targetStatus("HIDE", "HIDDEN")).toBeNull();
  });

  it("names who decided, when (UTC, named, with the day) and why", () => {
    const at = new Date("2026-03-01T12:03:40Z");
    expect(describeDecision({ status: "HIDDEN", decidedBy: "ana@example.org", decidedAt: at, reason: "ABUSIVE" })).toBe("ana@example.org hid this comment at 12:03 UTC on 1 Mar 2026 (abusive)");
    expect(conflictMessage({ status: "APPROVED", decidedBy: "ana@example.org", decidedAt: at, reason: null })).toBe("ana@example.org already approved this comment at 12:03 UTC on 1 Mar 2026");
    expect(conflictMessage({ status: "HIDDEN", decidedBy: null, decidedAt: at, reason: "OFF_TOPIC" })).toBe("The rules engine already hid this comment at 12:03 UTC on 1 Mar 2026 (off-topic)");
    expect(conflictMessage({ status: "PENDING", decidedBy: "bo@example.org", decidedAt: at, reason: null })).toBe("bo@example.org already returned this comment to pending at 12:03 UTC on 1 Mar 2026");
  });

  it("says when in the reader's zone, as the rest of the card does, the day included", () => {
    // 21:30 UTC is 02:30 the next day in Karachi: the day said is Karachi's.
    const at = new Date("2026-03-01T21:30:00Z");
    expect(describeDecision({ status: "HIDDEN", decidedBy: "ana@example.org", decidedAt: at, reason: "SPAM" }, { timeZone: "Asia/Karachi" })).toBe("ana@example.org hid this comment at 02:30 GMT+5 on 2 Mar 2026 (spam)");
    expect(describeDecision({ status: "APPROVED", decidedBy: "ana@example.org", decidedAt: at, reason: null }, { timeZone: "Not/AZone" })).toBe("ana@example.org approved this comment at 21:30 UTC on 1 Mar 2026");
  });

  it("tells the moderator who came second the winner's time in their own zone, the day turned over", () => {
    const at = new Date("2026-03-01T21:30:00Z");
    expect(conflictMessage({ status: "HIDDEN", decidedBy: "ana@example.org", decidedAt: at, reason: "ABUSIVE" }, "Asia/Karachi")).toBe("ana@example.org already hid this comment at 02:30 GMT+5 on 2 Mar 2026 (abusive)");
  });

  it("gives a program the conflict as fields: the decision's time an ISO 8601 instant with its offset, not prose", () => {
    const fields = conflictFields({ status: "HIDDEN", decidedBy: "ana@example.org", decidedAt: new Date("2026-03-01T21:30:00Z"), reason: "ABUSIVE" }, 3);
    expect(fields).toEqual({ current: { status: "HIDDEN", version: 3, decidedBy: "ana@example.org", decidedAt: "2026-03-01T21:30:00.000Z", reason: "ABUSIVE" } });
    expect(new Date(fields.current.decidedAt ?? "").getTime()).toBe(Date.UTC(2026, 2, 1, 21, 30));
    expect(conflictFields({ status: "APPROVED", decidedBy: null, decidedAt: null, reason: null }, 1).current.decidedAt).toBeNull();
  });
});
