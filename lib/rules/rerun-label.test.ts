import { describe, expect, it } from "vitest";
import { isRerunActive, rerunLabel } from "./rerun-label";

const base = { pendingOnly: true, total: 1234, processed: 500, flagged: 12, autoHidden: 1 };

describe("rerunLabel", () => {
  it("says a pending-only pass re-checks the pending comments, with thousands separators", () => {
    expect(rerunLabel({ ...base, status: "RUNNING" })).toBe("Re-checking 1,234 pending comments… (500 done)");
    expect(rerunLabel({ ...base, status: "QUEUED", processed: 0 })).toBe("Re-checking 1,234 pending comments… (0 done)");
  });

  it("reports what a finished or failed pass did", () => {
    expect(rerunLabel({ ...base, status: "COMPLETED", processed: 1234 })).toBe("Re-checked 1,234 pending comments: 12 flagged, 1 auto-hidden.");
    expect(rerunLabel({ ...base, status: "FAILED", pendingOnly: false, total: 1 })).toBe("Re-checking 1 stored comment failed after 500.");
  });

  it("counts only queued and running passes as active", () => {
    expect(isRerunActive({ status: "QUEUED" })).toBe(true);
    expect(isRerunActive({ status: "RUNNING" })).toBe(true);
    expect(isRerunActive({ status: "COMPLETED" })).toBe(false);
    expect(isRerunActive({ status: "FAILED" })).toBe(false);
  });
});
