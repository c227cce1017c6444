import { z } from "zod";

// What a site may say about a reader's report, wherever it arrives (the ingest API's per-comment
// `reports`, the report endpoint, a connector). Reasons are a short fixed list so the queue can
// count them; the reader's own words go in `note`.

export const READER_REPORT_REASONS = ["abusive", "spam", "off_topic", "illegal", "other"] as const;
export type ReaderReportReasonCode = (typeof READER_REPORT_REASONS)[number];

/** The most reports one request may carry for one comment: a limit refuses, it never truncates. */
export const MAX_REPORTS_PER_COMMENT = 500;
/** A tally larger than this is not a count of readers but a broken sender. */
export const MAX_REPORT_TALLY = 1_000_000;

export const readerReportSchema = z.strictObject({
  reason: z.enum(READER_REPORT_REASONS, { error: `reason must be one of ${READER_REPORT_REASONS.join(", ")}` }),
  /** Without a reporterId: the site's running tally for this reason (kept at its highest). With one: ignored, a reader counts once. */
  count: z.number().int().min(1).max(MAX_REPORT_TALLY).optional(),
  /** The reader's id on the site; stored only as a keyed hash. */
  reporterId: z.string().trim().min(1).max(200).optional(),
  note: z.string().max(2_000).refine((text) => !text.includes("\u0000"), "note must not contain NUL").optional(),
});
export type ReaderReportInput = z.infer<typeof readerReportSchema>;

export const readerReportListSchema = z.array(readerReportSchema).min(1).max(MAX_REPORTS_PER_COMMENT);

/** Body of POST /api/v1/comments/{source}/{externalId}/reports (and /api/v1/comments/{id}/reports). */
export const reportCommentBodySchema = z.strictObject({ reports: readerReportListSchema });

/** The path of the report endpoint: a comment by the key its site gave it. */
export const commentSourceKeySchema = z.object({
  source: z.string().min(1).max(100),
  externalId: z.string().min(1).max(200),
});
