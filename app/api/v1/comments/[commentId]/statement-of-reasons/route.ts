import { commentStatementOfReasons } from "@/lib/dsa/comment-statement-of-reasons";
import { commentStatementQuerySchema } from "@/lib/dsa/schemas";
import { defineRoute } from "@/lib/route";

// The statement of reasons of a hidden comment: the Transparency Database statement and the notice
// for the commenter (JSON), or the notice alone (format=text) for a site to show or email.
export const GET = defineRoute({
  name: "GET /api/v1/comments/[commentId]/statement-of-reasons",
  permission: "queue:read",
  scope: "comments:read",
  input: commentStatementQuerySchema,
  run: ({ commentId, format }) => commentStatementOfReasons(commentId, format),
});
