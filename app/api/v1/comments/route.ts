import { z } from "zod";
import { ingestComments } from "@/lib/import/ingest-comments";
import { readJsonBody } from "@/lib/import/read-json-body";
import { INGEST_JSON_SHAPE, INGEST_MAX_BYTES, ingestBodySchema, ingestTooManyItems } from "@/lib/import/schemas-ingest";
import { zodIssuesToProblems } from "@/lib/import/zod-problems";
import { listComments } from "@/lib/moderation/list-comments";
import { listCommentsQuerySchema } from "@/lib/moderation/schemas";
import { defineRoute } from "@/lib/route";

export const GET = defineRoute({
  name: "GET /api/v1/comments",
  permission: "queue:read",
  scope: "comments:read",
  input: listCommentsQuerySchema,
  run: (query) => listComments(query),
});

// The ingest API. The body is read here rather than by defineRoute so that its size can be capped
// while it streams in (413), before any of it is parsed.
export const POST = defineRoute({
  name: "POST /api/v1/comments",
  permission: "imports:run",
  scope: "comments:ingest",
  input: z.object({}),
  parseFrom: "query",
  run: async (_query, { principal, request }) => {
    const body = await readJsonBody(request, INGEST_MAX_BYTES, INGEST_JSON_SHAPE);
    if (!body.ok) return Response.json({ error: { code: body.code, message: body.message } }, { status: body.status });
    const parsed = ingestBodySchema.safeParse(body.value, { reportInput: true });
    if (!parsed.success) {
      const issues = zodIssuesToProblems(parsed.error);
      return Response.json(
        { error: { code: "INVALID", message: "The body is not the JSON import format: an article object with a comments array, or an array of them.", issues } },
        { status: 400 },
      );
    }
    const tooMany = ingestTooManyItems(parsed.data);
    if (tooMany) return Response.json({ error: { code: "TOO_LARGE", message: tooMany } }, { status: 413 });
    return ingestComments(parsed.data, principal.actor);
  },
});
