import type { FlagResult, RuleAction } from "./types";

const ACTION_RANK: Record<RuleAction, number> = { FLAG: 1, HOLD: 2, AUTO_HIDE: 3 };

/** The strongest action among the flags (AUTO_HIDE > HOLD > FLAG), or null when nothing fired. */
export function statusFromFlags(flags: readonly FlagResult[]): RuleAction | null {
  let winner: RuleAction | null = null;
  for (const flag of flags) {
    if (winner === null || ACTION_RANK[flag.action] > ACTION_RANK[winner]) winner = flag.action;
  }
  return winner;
}
