import { z } from "zod";
import { rowIdSchema } from "@/lib/validation/bounds";
import { blankToUndefined, dateBoundFields, resolveDateBounds, sinceBeforeUntil } from "@/lib/audit/date-bound";
import { unknownKeyError } from "@/lib/validation/unknown-keys";
import { EXPORT_CURSOR_MESSAGE, parseExportCursor, type ExportCursor } from "./export-cursor";
import { EXPORT_FORMATS } from "./export-formatter";

// The filters of a decisions export, as the API's query string, the Exports page's GET form and
// the CLI give them (all strings). An empty form field means "no filter". Bare dates are days in
// `tz` (UTC when absent); the Exports page sends the reader's zone. `after` is the cursor an
// earlier export handed out (export-cursor.ts): only the decisions that export could not see.

const exportCursorSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .transform((text, context): ExportCursor => {
      const cursor = parseExportCursor(text);
      if (cursor) return cursor;
      context.addIssue({ code: "custom", message: EXPORT_CURSOR_MESSAGE });
      return z.NEVER;
    })
    .optional(),
);

const filterFields = {
  ...dateBoundFields,
  article: z.preprocess(blankToUndefined, rowIdSchema.optional()),
  moderator: z.preprocess(blankToUndefined, z.union([z.literal("system"), z.email()]).optional()),
  after: exportCursorSchema,
};

export const exportFiltersSchema = z.object(filterFields).transform(resolveDateBounds).refine(...sinceBeforeUntil);

const EXPORT_QUERY_KEYS = ["since", "until", "tz", "article", "moderator", "after", "format", "bom"];

/** Strict: a filter misnamed (`articleId`, `from`) would otherwise export every decision. */
export const exportQuerySchema = z
  .strictObject(
    {
      ...filterFields,
      format: z.preprocess(blankToUndefined, z.enum(EXPORT_FORMATS).default("csv")),
      bom: z.preprocess(blankToUndefined, z.enum(["1", "0", "true", "false", "on"]).optional()).transform((value) => value === "1" || value === "true" || value === "on"),
    },
    unknownKeyError(EXPORT_QUERY_KEYS, "Nothing was exported."),
  )
  .transform(resolveDateBounds)
  .refine(...sinceBeforeUntil);

export type ExportFilters = z.output<typeof exportFiltersSchema>;
export type ExportQuery = z.output<typeof exportQuerySchema>;

/** The filters as they go into the audit event: the instants used (ISO), the zone bare days were read in, absent when not set. */
export function describeFilters(filters: ExportFilters): Record<string, string | number> {
  const described: Record<string, string | number> = {};
  if (filters.since) described.since = filters.since.toISOString();
  if (filters.until) described.until = filters.until.toISOString();
  if (filters.dayTimeZone) described.dayTimeZone = filters.dayTimeZone;
  if (filters.article !== undefined) described.article = filters.article;
  if (filters.moderator !== undefined) described.moderator = filters.moderator;
  if (filters.after !== undefined) described.after = filters.after.text;
  return described;
}
