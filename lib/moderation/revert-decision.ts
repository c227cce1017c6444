import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import type { TransitionResult } from "./apply-transition";
import type { TakeBackInput } from "./schemas";
import { takeBackDecision } from "./take-back-decision";

/** Any moderator may revert any decision later, as long as the comment is still where that decision left it. */
export async function revertDecision(input: TakeBackInput, actor: AuditActor & { id: string }): Promise<TransitionResult> {
  return takeBackDecision("REVERT", input, actor, () => {});
}
