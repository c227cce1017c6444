import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { streamImportProgress } from "@/lib/import/stream-import-progress";
import { uploadImportQuerySchema } from "@/lib/import/schemas-upload";
import { defineRoute } from "@/lib/route";
import { AppError } from "@/lib/errors";

// The dashboard's upload: the file is the request body, streamed into the importer; the answer
// is NDJSON progress lines, then the summary, so the page can show progress while it runs.
export const POST = defineRoute({
  name: "POST /api/v1/imports",
  permission: "imports:run",
  input: uploadImportQuerySchema,
  parseFrom: "query",
  run: async (query, { principal, request }) => {
    if (!request.body) throw new AppError("INVALID", "Send the file as the request body.");
    const input = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
    return streamImportProgress({ input, fileName: query.fileName, format: query.format, utcOffsetMinutes: query.utcOffsetMinutes, via: "dashboard", actor: principal.actor });
  },
});
