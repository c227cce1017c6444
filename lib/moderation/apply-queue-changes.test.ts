import { describe, expect, it } from "vitest";
import { withColleagueRemarks, withQueueChanges } from "./apply-queue-changes";
import type { QueueChange } from "./list-queue-changes";
import type { QueueItem } from "./queue-item";

const card = (id: number, version: number) => ({ id, version, status: "PENDING", decision: null }) as unknown as QueueItem;
const change = (commentId: number, version: number, status: QueueChange["status"], byId = "colleague"): QueueChange => ({
  decisionId: commentId * 100 + version,
  commentId,
  action: status === "HIDDEN" ? "HIDE" : "APPROVE",
  status,
  version,
  by: `${byId}@desk.test`,
  byId,
  reason: status === "HIDDEN" ? "SPAM" : null,
  at: "2026-12-06T04:15:00.000Z",
});

describe("withQueueChanges", () => {
  it("applies each comment's latest change, and never an older version over a newer card", () => {
    const cards = withQueueChanges([card(1, 1), card(2, 5), card(3, 1)], [change(1, 2, "APPROVED"), change(1, 3, "HIDDEN"), change(2, 4, "APPROVED")]);
    expect(cards.map((item) => [item.id, item.status, item.version, item.decision?.reason ?? null])).toEqual([
      [1, "HIDDEN", 3, "SPAM"],
      [2, "PENDING", 5, null],
      [3, "PENDING", 1, null],
    ]);
  });
});

describe("withColleagueRemarks", () => {
  it("says who decided what in the desk's zone, only for colleagues' decisions", () => {
    const remarks = withColleagueRemarks(new Map([[9, "earlier"]]), [change(1, 2, "HIDDEN"), change(2, 2, "APPROVED", "me")], "me", "Asia/Karachi");
    expect([...remarks!.keys()]).toEqual([9, 1]);
    expect(remarks!.get(1)).toContain("colleague@desk.test");
    expect(remarks!.get(1)).toContain("09:15");
    expect(withColleagueRemarks(new Map(), [change(2, 2, "APPROVED", "me")], "me", "UTC")).toBeNull();
  });
});
