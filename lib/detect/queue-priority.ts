import type { FlagResult } from "./types";

const ACTION_BONUS = { FLAG: 0, HOLD: 10, AUTO_HIDE: 20 } as const;

/**
 * Queue priority, higher = more urgent: the strongest flag dominates (severity 1-5 weighted by
 * how convincing the match was), each extra category adds a little (abuse plus nationalism is
 * worse than either), and held comments jump ahead because readers are waiting on them.
 */
export function priorityFromFlags(flags: readonly FlagResult[]): number {
  if (flags.length === 0) return 0;
  let strongest = 0;
  let actionBonus = 0;
  const categories = new Set<string>();
  for (const flag of flags) {
    const severity = Math.min(5, Math.max(1, flag.severity));
    const score = Math.min(1, Math.max(0, flag.score));
    strongest = Math.max(strongest, severity * 20 * (0.5 + 0.5 * score));
    actionBonus = Math.max(actionBonus, ACTION_BONUS[flag.action]);
    categories.add(flag.category);
  }
  return Math.round(strongest) + 5 * (categories.size - 1) + actionBonus;
}
