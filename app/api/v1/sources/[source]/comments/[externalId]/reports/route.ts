import { reportComment } from "@/lib/reports/report-comment";
import { commentSourceKeySchema, reportCommentBodySchema } from "@/lib/reports/schemas";
import { defineRoute } from "@/lib/route";

// Readers' reports of a stored comment, by the key its site gave it (the ingest's `source` and `id`),
// so a site never needs Moddesk's ids. Body: { reports: [{ reason, count?, reporterId?, note? }] }.
export const POST = defineRoute({
  name: "POST /api/v1/sources/[source]/comments/[externalId]/reports",
  permission: "imports:run",
  scope: "reports:ingest",
  input: reportCommentBodySchema.extend(commentSourceKeySchema.shape),
  run: ({ source, externalId, reports }, { principal }) => reportComment({ source, externalId }, reports, principal.actor),
});
