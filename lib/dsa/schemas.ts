import { z } from "zod";
import { blankToUndefined, dateBoundFields, resolveDateBounds, sinceBeforeUntil } from "@/lib/audit/date-bound";
import { STATEMENT_FORMATS } from "./stream-statements-format";

// Inputs of the DSA routes, page and CLI (all strings from a query string or argv).

export const statementExportQuerySchema = z
  .strictObject({
    ...dateBoundFields,
    format: z.preprocess(blankToUndefined, z.enum(STATEMENT_FORMATS).default("json")),
  })
  .transform(resolveDateBounds)
  .refine(...sinceBeforeUntil);

export const commentStatementQuerySchema = z.strictObject({
  commentId: z.coerce.number().int().positive().max(2_147_483_647),
  format: z.preprocess(blankToUndefined, z.enum(["json", "text"]).default("json")),
});
