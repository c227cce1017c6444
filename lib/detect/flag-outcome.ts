import { priorityFromFlags } from "./queue-priority";
import { statusFromFlags } from "./status-from-flags";
import type { FlagResult } from "./types";

/** What a comment's flags mean for its row: queue priority, held mark, and whether to auto-hide. */
export function flagOutcome(flags: readonly FlagResult[]): { priority: number; isHeld: boolean; autoHide: boolean } {
  const action = statusFromFlags(flags);
  return { priority: priorityFromFlags(flags), isHeld: action === "HOLD", autoHide: action === "AUTO_HIDE" };
}
