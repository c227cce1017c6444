import { z } from "zod";

export const COMMENT_STATUSES = ["PENDING", "APPROVED", "HIDDEN"] as const;

export const listCommentsQuerySchema = z.object({
  status: z.enum(COMMENT_STATUSES).optional(),
  articleId: z.coerce.number().int().positive().optional(),
  after: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListCommentsQuery = z.infer<typeof listCommentsQuerySchema>;

// ---------------------------------------------------------------------------------------------
// The moderation queue: tabs, filters (all kept in the URL) and decisions.

export const QUEUE_TABS = ["flagged", "pending", "approved", "hidden", "all"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export const HIDE_REASONS = ["OFF_TOPIC", "NATIONALIST", "ABUSIVE", "SPAM", "OTHER"] as const;
export type HideReason = (typeof HIDE_REASONS)[number];

export const FILTER_CATEGORIES = ["OFF_TOPIC", "NATIONALIST", "ABUSIVE", "SPAM"] as const;
export const QUEUE_SORTS = ["suggestion"] as const;

const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined), z.string().max(max).optional());
const optionalId = z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().positive().optional());
const optionalDay = z.preprocess((value) => (value === "" ? undefined : value), z.iso.date().optional());

/** The queue page's search params. Anything malformed falls back to "no filter" rather than an error page. */
export const queueQuerySchema = z.object({
  tab: z.enum(QUEUE_TABS).catch("pending").default("pending"),
  article: optionalId.catch(undefined),
  category: z.enum(FILTER_CATEGORIES).optional().catch(undefined),
  rule: optionalId.catch(undefined),
  author: optionalText(200).catch(undefined),
  from: optionalDay.catch(undefined),
  to: optionalDay.catch(undefined),
  q: optionalText(200).catch(undefined),
  /** Absent: the tab's own order. "suggestion": most likely to be hidden first (list-queue-by-suggestion.ts). */
  sort: z.enum(QUEUE_SORTS).optional().catch(undefined),
  after: z.string().max(500).optional().catch(undefined),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;
export type QueueFilters = Omit<QueueQuery, "tab" | "after">;

const commentRef = {
  commentId: z.coerce.number().int().positive(),
  /** The version and status the moderator saw: the guard of the transition. */
  expectedVersion: z.coerce.number().int().nonnegative(),
  expectedStatus: z.enum(COMMENT_STATUSES),
};

const note = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.string().trim().max(2000).optional());

export const decideInputSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("APPROVE"), ...commentRef, note }),
  z.object({ action: z.literal("HIDE"), ...commentRef, reason: z.enum(HIDE_REASONS), note }),
]);
export type DecideInput = z.infer<typeof decideInputSchema>;

export const BULK_LIMIT = 100;
export const bulkDecideInputSchema = z.object({
  action: z.enum(["APPROVE", "HIDE"]),
  reason: z.enum(HIDE_REASONS).optional(),
  note,
  items: z.array(z.object(commentRef)).min(1).max(BULK_LIMIT),
}).refine((input) => input.action === "APPROVE" || input.reason !== undefined, { message: "Pick a reason to hide.", path: ["reason"] });
export type BulkDecideInput = z.infer<typeof bulkDecideInputSchema>;

export const takeBackInputSchema = z.object({
  decisionId: z.coerce.number().int().positive(),
  expectedVersion: z.coerce.number().int().nonnegative(),
});
export type TakeBackInput = z.infer<typeof takeBackInputSchema>;

export const commentNoteInputSchema = z.object({ commentId: z.coerce.number().int().positive(), note: z.string().trim().min(1, "Write a note.").max(4000) });
export const authorNoteInputSchema = z.object({ authorName: z.string().trim().min(1).max(200), note: z.string().trim().min(1, "Write a note.").max(4000) });
export const watchAuthorInputSchema = z.object({
  authorName: z.string().trim().min(1).max(200),
  action: z.enum(["HOLD", "AUTO_HIDE"]),
  category: z.enum(FILTER_CATEGORIES),
});
export const hideAuthorPendingInputSchema = z.object({
  authorName: z.string().trim().min(1).max(200),
  reason: z.enum(HIDE_REASONS),
  note,
  /** The count the moderator confirmed: the confirm step names it. */
  confirmed: z.literal(["true", true]),
});

export const queueChangesQuerySchema = z.object({ since: z.iso.datetime() });
