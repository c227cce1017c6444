import type { QueueChange } from "./list-queue-changes";
import { describeDecision } from "./policy";
import type { QueueItem } from "./queue-item";

// What an open queue does with the decisions its poll brings (lib/moderation/list-queue-changes.ts):
// pure, so the board only keeps state.

/** The cards with each comment's latest decided change applied; an older version never overwrites a newer one. */
export function withQueueChanges(items: QueueItem[], changes: QueueChange[]): QueueItem[] {
  return items.map((item) => {
    const latest = changes.filter((change) => change.commentId === item.id).at(-1);
    if (!latest || latest.version <= item.version) return item;
    return { ...item, status: latest.status, version: latest.version, decision: { by: latest.by, at: latest.at, reason: latest.status === "HIDDEN" ? latest.reason : null } };
  });
}

/** The remarks under cards a colleague decided ("… hid this comment at 09:15 …"), added to `current`; null when none is new. */
export function withColleagueRemarks(current: ReadonlyMap<number, string>, changes: QueueChange[], userId: string, timeZone: string): Map<number, string> | null {
  const others = changes.filter((change) => change.byId !== userId);
  if (others.length === 0) return null;
  const next = new Map(current);
  for (const change of others) next.set(change.commentId, describeDecision({ status: change.status, decidedBy: change.by, decidedAt: new Date(change.at), reason: change.reason }, { timeZone }));
  return next;
}
