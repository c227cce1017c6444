import { z } from "zod";
import { rowIdSchema } from "@/lib/validation/bounds";
import { IMPORT_FORMATS } from "./types";

/** Query string of POST /api/v1/imports (the body is the file itself, streamed). */
export const uploadImportQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  format: z.enum(IMPORT_FORMATS).optional(),
  utcOffsetMinutes: z.coerce.number().int().min(-14 * 60).max(14 * 60).optional(),
});

/** Path of GET /api/v1/imports/{batchId}/problems. */
export const importProblemsQuerySchema = z.object({
  batchId: rowIdSchema,
});
