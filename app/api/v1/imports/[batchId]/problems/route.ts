import { importProblemsCsvResponse } from "@/lib/import/import-problems";
import { importProblemsQuerySchema } from "@/lib/import/schemas-upload";
import { defineRoute } from "@/lib/route";

// Every rejected row of one import, as CSV (file, line, field, problem).
export const GET = defineRoute({
  name: "GET /api/v1/imports/[batchId]/problems",
  permission: "imports:run",
  scope: "comments:ingest",
  input: importProblemsQuerySchema,
  run: ({ batchId }) => importProblemsCsvResponse(batchId),
});
