import { listComments } from "@/lib/moderation/list-comments";
import { listCommentsQuerySchema } from "@/lib/moderation/schemas";
import { defineRoute } from "@/lib/route";

export const GET = defineRoute({
  name: "GET /api/v1/comments",
  permission: "queue:read",
  input: listCommentsQuerySchema,
  run: (query) => listComments(query),
});
