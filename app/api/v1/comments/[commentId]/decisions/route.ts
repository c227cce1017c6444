import { decideComment } from "@/lib/moderation/decide-comment";
import { decideRequestSchema } from "@/lib/moderation/schemas";
import { defineRoute } from "@/lib/route";

// A decision over HTTP (integrations, the load test): the same guarded transition as the queue.
// Body: { action: "APPROVE" | "HIDE", reason?, note?, expectedVersion, expectedStatus }; the
// comment id comes from the path. A lost race answers 409 naming who decided first.
export const POST = defineRoute({
  name: "POST /api/v1/comments/[commentId]/decisions",
  permission: "comment:decide",
  scope: "decisions:write",
  input: decideRequestSchema,
  run: (input, { principal }) => decideComment(input, principal.actor),
});
