import { reportComment } from "@/lib/reports/report-comment";
import { reportCommentBodySchema } from "@/lib/reports/schemas";
import { defineRoute } from "@/lib/route";
import { rowIdSchema } from "@/lib/validation/bounds";

// Readers' reports of a stored comment, by Moddesk id. Body: { reports: [{ reason, count?, reporterId?, note? }] }.
export const POST = defineRoute({
  name: "POST /api/v1/comments/[commentId]/reports",
  permission: "imports:run",
  scope: "reports:ingest",
  input: reportCommentBodySchema.extend({ commentId: rowIdSchema }),
  run: ({ commentId, reports }, { principal }) => reportComment({ id: commentId }, reports, principal.actor),
});
