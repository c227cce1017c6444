import { decisionExportResponse } from "@/lib/export/decision-export-response";
import { exportQuerySchema } from "@/lib/export/schemas";
import { defineRoute } from "@/lib/route";

// Streams an export of moderation decisions (csv, json or jsonl) as a download; the Exports page's
// form is a plain GET to this route, so the browser streams it to disk.
export const GET = defineRoute({
  name: "GET /api/v1/decisions",
  permission: "exports:run",
  scope: "exports:read",
  input: exportQuerySchema,
  run: ({ format, bom, ...filters }, { principal }) =>
    decisionExportResponse({ format, bom, filters, actor: principal.actor, via: principal.via === "token" ? "api" : "dashboard" }),
});
