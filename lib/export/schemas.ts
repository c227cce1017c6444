import { z } from "zod";
import { rowIdSchema } from "@/lib/validation/bounds";
import { blankToUndefined, dateBound, sinceBeforeUntil } from "@/lib/audit/date-bound";
import { EXPORT_FORMATS } from "./export-formatter";

// The filters of a decisions export, as the API's query string, the Exports page's GET form and
// the CLI give them (all strings). An empty form field means "no filter".

const filterFields = {
  since: dateBound("since"),
  until: dateBound("until"),
  article: z.preprocess(blankToUndefined, rowIdSchema.optional()),
  moderator: z.preprocess(blankToUndefined, z.union([z.literal("system"), z.email()]).optional()),
};

export const exportFiltersSchema = z.object(filterFields).refine(...sinceBeforeUntil);

export const exportQuerySchema = z
  .object({
    ...filterFields,
    format: z.preprocess(blankToUndefined, z.enum(EXPORT_FORMATS).default("csv")),
    bom: z.preprocess(blankToUndefined, z.enum(["1", "0", "true", "false", "on"]).optional()).transform((value) => value === "1" || value === "true" || value === "on"),
  })
  .refine(...sinceBeforeUntil);

export type ExportFilters = z.output<typeof exportFiltersSchema>;
export type ExportQuery = z.output<typeof exportQuerySchema>;

/** The filters as they go into the audit event: ISO strings, absent when not set. */
export function describeFilters(filters: ExportFilters): Record<string, string | number> {
  const described: Record<string, string | number> = {};
  if (filters.since) described.since = filters.since.toISOString();
  if (filters.until) described.until = filters.until.toISOString();
  if (filters.article !== undefined) described.article = filters.article;
  if (filters.moderator !== undefined) described.moderator = filters.moderator;
  return described;
}
