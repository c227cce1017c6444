import { z } from "zod";
import { dayTimeZone } from "@/lib/audit/date-bound";
import { dayFilterZone } from "@/lib/time-zone";
import { unknownKeyError } from "@/lib/validation/unknown-keys";
import { int4Schema, isIsoWithinYears, MAX_ROW_ID, rowIdSchema, YEARS_MESSAGE } from "@/lib/validation/bounds";

export const COMMENT_STATUSES = ["PENDING", "APPROVED", "HIDDEN"] as const;

/** GET /api/v1/comments. Strict: a filter misnamed (`article`, `state`) would otherwise list every comment. */
export const listCommentsQuerySchema = z.strictObject(
  {
    status: z.enum(COMMENT_STATUSES).optional(),
    articleId: rowIdSchema.optional(),
    after: z.coerce.number().int().nonnegative().max(MAX_ROW_ID).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  },
  unknownKeyError(["status", "articleId", "after", "limit"], "Nothing was listed."),
);
export type ListCommentsQuery = z.infer<typeof listCommentsQuerySchema>;

// ---------------------------------------------------------------------------------------------
// The moderation queue: tabs, filters (all kept in the URL) and decisions.

export const QUEUE_TABS = ["flagged", "reported", "pending", "approved", "hidden", "all"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export const HIDE_REASONS = ["OFF_TOPIC", "NATIONALIST", "ABUSIVE", "SPAM", "OTHER"] as const;
export type HideReason = (typeof HIDE_REASONS)[number];

export const FILTER_CATEGORIES = ["OFF_TOPIC", "NATIONALIST", "ABUSIVE", "SPAM"] as const;
export const QUEUE_SORTS = ["suggestion"] as const;

/** PostgreSQL text cannot hold NUL: a filter with one is refused here, not by the database (a 500). */
const hasNoNul = (text: string) => !text.includes("\u0000");
const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined), z.string().max(max).refine(hasNoNul).optional());
/**
 * websearch_to_tsquery reads each "-" before a term as NOT, and fails ("tsquery stack too small")
 * past about 32 in a row: a run of dashes (with anything but letters and digits between them)
 * means one NOT.
 */
export function collapseNegations(text: string): string {
  return text.replace(/-(?:[^\p{L}\p{N}]*-)+/gu, "-");
}
export const QUEUE_TEXT_LIMITS = { q: 200, author: 200 } as const;

/** What the queue had to leave out of a URL's text filters, in words (the page shows them). */
export function queueQueryProblems(raw: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const [field, max] of Object.entries(QUEUE_TEXT_LIMITS)) {
    const value = raw[field]?.trim() ?? "";
    const label = field === "q" ? "The search" : "The author filter";
    if (value.length > max) problems.push(`${label} is ${value.length} characters long; the limit is ${max}. It was not applied: shorten it.`);
    else if (!hasNoNul(value)) problems.push(`${label} contains a NUL character; it was not applied.`);
  }
  const category = raw.category?.trim() ?? "";
  if (category !== "" && !categoryFilterSchema.safeParse(category).success) {
    problems.push(`The category '${category.slice(0, 40)}' is not one of off-topic, nationalist, abusive, spam; it was not applied.`);
  }
  return problems;
}

/** A hand-typed or pasted URL says `spam` or `off-topic`; the form sends `SPAM`, `OFF_TOPIC`. */
const categoryFilterSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toUpperCase().replace(/[-\s]+/g, "_") : value),
  z.enum(FILTER_CATEGORIES),
);
const optionalId = z.preprocess((value) => (value === "" ? undefined : value), rowIdSchema.optional());
const optionalDay = z.preprocess((value) => (value === "" ? undefined : value), z.iso.date().refine(isIsoWithinYears, YEARS_MESSAGE).optional());

/** The queue page's search params. Anything malformed falls back to "no filter" rather than an error page. */
export const queueQuerySchema = z.object({
  tab: z.enum(QUEUE_TABS).catch("pending").default("pending"),
  article: optionalId.catch(undefined),
  category: categoryFilterSchema.optional().catch(undefined),
  rule: optionalId.catch(undefined),
  author: optionalText(200).catch(undefined),
  from: optionalDay.catch(undefined),
  to: optionalDay.catch(undefined),
  /** The zone `from` and `to` are days in (the page sends the reader's); UTC when absent. */
  tz: dayTimeZone.catch(undefined),
  q: optionalText(200).transform((text) => (text === undefined ? undefined : collapseNegations(text))).optional().catch(undefined),
  /** "1": only comments an EXTERNAL rule's endpoint has not scored yet (lib/external-classifier). */
  unscored: z.enum(["1"]).optional().catch(undefined),
  /** Absent: the tab's own order. "suggestion": most likely to be hidden first (list-queue-by-suggestion.ts). */
  sort: z.enum(QUEUE_SORTS).optional().catch(undefined),
  after: z.string().max(500).optional().catch(undefined),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

/** The queue page's URL: From and To are days in the URL's zone when it names one, else the reader's. */
export function parseQueueQuery(raw: Record<string, string | string[] | undefined>, readerTimeZone: string): QueueQuery {
  const urlZone = typeof raw.tz === "string" ? raw.tz : undefined;
  return queueQuerySchema.parse({ ...raw, tz: dayFilterZone(urlZone, readerTimeZone) });
}
/** authorNames: the stored names the author filter stands for, once resolved (resolve-author-names.ts); never from the URL. */
export type QueueFilters = Omit<QueueQuery, "tab" | "after"> & { authorNames?: string[] };

const commentRef = {
  commentId: rowIdSchema,
  /** The version and status the moderator saw: the guard of the transition. */
  expectedVersion: int4Schema.pipe(z.number().nonnegative()),
  expectedStatus: z.enum(COMMENT_STATUSES),
};

const note = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.string().trim().max(2000).optional());

export const decideInputSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("APPROVE"), ...commentRef, note }),
  z.object({ action: z.literal("HIDE"), ...commentRef, reason: z.enum(HIDE_REASONS), note }),
]);
/** The same decision as a JSON body of the API: a field it does not know is a 400, not ignored. */
export const decideRequestSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("APPROVE"), ...commentRef, note }),
  z.strictObject({ action: z.literal("HIDE"), ...commentRef, reason: z.enum(HIDE_REASONS), note }),
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
  decisionId: rowIdSchema,
  expectedVersion: int4Schema.pipe(z.number().nonnegative()),
});
export type TakeBackInput = z.infer<typeof takeBackInputSchema>;

export const commentNoteInputSchema = z.object({ commentId: rowIdSchema, note: z.string().trim().min(1, "Write a note.").max(4000) });
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

/** `afterAt` + `afterId`: the `next` of the previous page, when a poll found more changes than one answer holds. */
export const queueChangesQuerySchema = z
  .object({
    since: z.iso.datetime().refine(isIsoWithinYears, `since ${YEARS_MESSAGE}`),
    afterAt: z.iso.datetime().refine(isIsoWithinYears, `afterAt ${YEARS_MESSAGE}`).optional(),
    afterId: z.coerce.number().int().positive().max(MAX_ROW_ID).optional(),
  })
  .refine((query) => (query.afterAt === undefined) === (query.afterId === undefined), { message: "afterAt and afterId go together", path: ["afterId"] })
  .transform(({ since, afterAt, afterId }) => ({ since: new Date(since), after: afterAt !== undefined && afterId !== undefined ? { afterAt: new Date(afterAt), afterId } : undefined }));

export const commentContextInputSchema = z.object({ commentId: rowIdSchema });
/** What a moderator has typed in the author filter so far (the suggestion list). */
export const authorSuggestionsInputSchema = z.object({ typed: z.string().max(QUEUE_TEXT_LIMITS.author) });
