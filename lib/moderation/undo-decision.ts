import "server-only";
import { AppError } from "@/lib/errors";
import type { Decider, TransitionResult } from "./apply-transition";
import type { TakeBackInput } from "./schemas";
import { takeBackDecision } from "./take-back-decision";

/** The toast offers undo for a few seconds; the server allows a minute so a slow network still makes it. */
export const UNDO_WINDOW_MS = 60_000;

/** Takes back one's own decision right after making it. Later, or someone else's: revert it from the history. */
export async function undoDecision(input: TakeBackInput, actor: Decider, now: Date = new Date()): Promise<TransitionResult> {
  return takeBackDecision("UNDO", input, actor, (decision) => {
    if (decision.action !== "APPROVE" && decision.action !== "HIDE") throw new AppError("INVALID", "Only an approve or hide can be undone.");
    if (decision.moderatorId !== actor.id) throw new AppError("FORBIDDEN", "You can undo only your own decisions; revert it from the comment's history.");
    if (now.getTime() - decision.createdAt.getTime() > UNDO_WINDOW_MS) throw new AppError("INVALID", "Too late to undo; revert it from the comment's history.");
  });
}
