import "server-only";
import type { Decider, TransitionResult } from "./apply-transition";
import type { TakeBackInput } from "./schemas";
import { takeBackDecision } from "./take-back-decision";

/** Any moderator may revert any decision later, as long as the comment is still where that decision left it. */
export async function revertDecision(input: TakeBackInput, actor: Decider): Promise<TransitionResult> {
  return takeBackDecision("REVERT", input, actor, () => {});
}
