import { z } from "zod";
import { rowIdSchema } from "@/lib/validation/bounds";
import { unknownKeyError } from "@/lib/validation/unknown-keys";
import { IMPORT_FORMATS } from "./types";

/** Query string of POST /api/v1/imports (the body is the file itself, streamed). Strict: `utcOffset=330` would otherwise import the times as UTC. */
export const uploadImportQuerySchema = z.strictObject(
  {
    fileName: z.string().trim().min(1).max(255),
    format: z.enum(IMPORT_FORMATS).optional(),
    utcOffsetMinutes: z.coerce.number().int().min(-14 * 60).max(14 * 60).optional(),
  },
  unknownKeyError(["fileName", "format", "utcOffsetMinutes"], "Nothing was imported."),
);

/** Path of GET /api/v1/imports/{batchId}/problems. */
export const importProblemsQuerySchema = z.object({
  batchId: rowIdSchema,
});
