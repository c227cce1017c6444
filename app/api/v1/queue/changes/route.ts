import { listQueueChanges } from "@/lib/moderation/list-queue-changes";
import { queueChangesQuerySchema } from "@/lib/moderation/schemas";
import { defineRoute } from "@/lib/route";

// Polled by open queues every few seconds: decisions since `since` and the tab counts.
export const GET = defineRoute({
  name: "GET /api/v1/queue/changes",
  permission: "queue:read",
  scope: "comments:read",
  input: queueChangesQuerySchema,
  run: ({ since, after }) => listQueueChanges(since, after),
});
