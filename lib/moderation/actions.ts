"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";
import type { Decider } from "./apply-transition";
import { addAuthorNote } from "./add-author-note";
import { addCommentNote } from "./add-comment-note";
import { bulkDecide } from "./bulk-decide";
import { decideComment } from "./decide-comment";
import { getCommentContext } from "./get-comment-context";
import { hideAuthorPending } from "./hide-author-pending";
import { revertDecision } from "./revert-decision";
import { suggestAuthorNames } from "./suggest-author-names";
import {
  authorNoteInputSchema,
  authorSuggestionsInputSchema,
  bulkDecideInputSchema,
  commentContextInputSchema,
  commentNoteInputSchema,
  decideInputSchema,
  hideAuthorPendingInputSchema,
  takeBackInputSchema,
  watchAuthorInputSchema,
} from "./schemas";
import { undoDecision } from "./undo-decision";
import { watchAuthor } from "./watch-author";

/** The signed-in moderator; a conflict tells them the other decision's time in the zone their cards use. */
function actorOf(user: SessionUser | null): Decider {
  if (!user) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again.");
  return { id: user.id, label: user.email, readsTimesIn: getDisplayTimeZone };
}

// The queue keeps its own state after a decision (cards stay for undo); no revalidation here.
export const decideCommentAction = defineAction({
  name: "moderation.decide",
  input: decideInputSchema,
  permission: "comment:decide",
  run: async (input, { user }) => {
    const result = await decideComment(input, actorOf(user));
    return { ...result, decidedAt: result.decidedAt.toISOString() };
  },
});

export const bulkDecideAction = defineAction({
  name: "moderation.bulkDecide",
  input: bulkDecideInputSchema,
  permission: "comment:decide",
  run: async (input, { user }) => (await bulkDecide(input, actorOf(user))).map((outcome) => ("decidedAt" in outcome ? { ...outcome, decidedAt: outcome.decidedAt.toISOString() } : outcome)),
});

export const undoDecisionAction = defineAction({
  name: "moderation.undo",
  input: takeBackInputSchema,
  permission: "comment:decide",
  run: async (input, { user }) => {
    const result = await undoDecision(input, actorOf(user));
    return { ...result, decidedAt: result.decidedAt.toISOString() };
  },
});

export const revertDecisionAction = defineAction({
  name: "moderation.revert",
  input: takeBackInputSchema,
  permission: "comment:decide",
  run: async (input, { user }) => {
    const result = await revertDecision(input, actorOf(user));
    revalidatePath(`/comments/${result.commentId}`);
    return { commentId: result.commentId, status: result.status };
  },
});

export const addCommentNoteAction = defineAction({
  name: "moderation.commentNote",
  input: commentNoteInputSchema,
  permission: "comment:decide",
  run: async (input, { user }) => {
    const note = await addCommentNote(input, actorOf(user));
    revalidatePath(`/comments/${input.commentId}`);
    return note;
  },
});

export const addAuthorNoteAction = defineAction({
  name: "moderation.authorNote",
  input: authorNoteInputSchema,
  permission: "comment:decide",
  run: async (input, { user }) => {
    const note = await addAuthorNote(input, actorOf(user));
    revalidatePath(`/authors/${encodeURIComponent(input.authorName)}`);
    return note;
  },
});

export const watchAuthorAction = defineAction({
  name: "moderation.watchAuthor",
  input: watchAuthorInputSchema,
  permission: "comment:decide",
  run: async (input, { user }) => {
    const result = await watchAuthor(input, actorOf(user));
    revalidatePath(`/authors/${encodeURIComponent(input.authorName)}`);
    return result;
  },
});

export const hideAuthorPendingAction = defineAction({
  name: "moderation.hideAuthorPending",
  input: hideAuthorPendingInputSchema,
  permission: "comment:decide",
  run: async (input, { user }) => {
    const result = await hideAuthorPending(input, actorOf(user));
    revalidatePath(`/authors/${encodeURIComponent(input.authorName)}`);
    return { hidden: result.hidden, conflicts: result.conflicts.map((outcome) => ("message" in outcome ? outcome.message : "")), remaining: result.remaining };
  },
});

// Read-only: what the card's Context panel shows, loaded when a moderator opens it.
export const commentContextAction = defineAction({
  name: "moderation.commentContext",
  input: commentContextInputSchema,
  permission: "queue:read",
  run: (input) => getCommentContext(input.commentId),
});

/** The author filter's suggestion list: stored names starting with what was typed, capitals aside. */
export const suggestAuthorNamesAction = defineAction({
  name: "moderation.suggestAuthorNames",
  input: authorSuggestionsInputSchema,
  permission: "queue:read",
  run: (input) => suggestAuthorNames(input.typed),
});
