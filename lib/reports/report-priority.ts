// How much readers' reports raise a pending comment in the queue. Rule priority
// (lib/detect/queue-priority.ts) runs from about 10 (a weak severity-1 flag) to 150 (severity 5,
// several categories, auto-hide); reports add 10 for the first and 10 more per doubling, at most
// 40: one report weighs like a weak flag, fifteen like a convincing severity-2 one, and no pile of
// reports outranks a severe rule match on its own (a brigade can report anything).

export const REPORT_PRIORITY_STEP = 10;
export const REPORT_PRIORITY_MAX = 40;

export function reportPriorityFor(reportCount: number): number {
  if (!(reportCount > 0)) return 0;
  return Math.min(REPORT_PRIORITY_MAX, Math.round(REPORT_PRIORITY_STEP * Math.log2(1 + reportCount)));
}
