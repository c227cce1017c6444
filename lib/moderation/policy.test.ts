import { describe, expect, it } from "vitest";
import { conflictMessage, describeDecision, targetStatus } from "./policy";

describe("moderation policy", () => {
  it("allows a decision only when it changes the status", () => {
    expect(targetStatus("APPROVE", "PENDING")).toBe("APPROVED");
    expect(targetStatus("APPROVE", "HIDDEN")).toBe("APPROVED");
    expect(targetStatus("HIDE", "APPROVED")).toBe("HIDDEN");
    expect(targetStatus("APPROVE", "APPROVED")).toBeNull();
    expect(targetStatus("HIDE", "HIDDEN")).toBeNull();
  });

  it("names who decided, when (UTC) and why", () => {
    const at = new Date("2026-03-01T12:03:40Z");
    expect(describeDecision({ status: "HIDDEN", decidedBy: "ana@example.org", decidedAt: at, reason: "ABUSIVE" })).toBe("ana@example.org hid this comment at 12:03 (abusive)");
    expect(conflictMessage({ status: "APPROVED", decidedBy: "ana@example.org", decidedAt: at, reason: null })).toBe("ana@example.org already approved this comment at 12:03");
    expect(conflictMessage({ status: "HIDDEN", decidedBy: null, decidedAt: at, reason: "OFF_TOPIC" })).toBe("The rules engine already hid this comment at 12:03 (off-topic)");
    expect(conflictMessage({ status: "PENDING", decidedBy: "bo@example.org", decidedAt: at, reason: null })).toBe("bo@example.org already returned this comment to pending at 12:03");
  });
});
