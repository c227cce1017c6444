import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { streamImportProgress } from "@/lib/import/stream-import-progress";
import { uploadImportQuerySchema } from "@/lib/import/schemas-upload";
import { checkUploadSize } from "@/lib/import/upload-limit";
import { defineRoute } from "@/lib/route";
import { AppError } from "@/lib/errors";

// The dashboard's upload: the file is the request body, streamed into the importer (proxy.ts does
// not match /api/, so nothing buffers or truncates it on the way); the answer is NDJSON progress
// lines, then the summary, so the page can show progress while it runs. Over the limit: 413 before
// a row is written.
export const POST = defineRoute({
  name: "POST /api/v1/imports",
  permission: "imports:run",
  input: uploadImportQuerySchema,
  parseFrom: "query",
  bodyTypes: ["application/octet-stream"],
  run: async (query, { principal, request }) => {
    const size = checkUploadSize(request.headers.get("content-length"));
    if (!size.ok) return Response.json({ error: { code: size.code, message: size.message } }, { status: size.status });
    if (!request.body) throw new AppError("INVALID", "Send the file as the request body.");
    const input = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
    return streamImportProgress({ input, fileName: query.fileName, format: query.format, utcOffsetMinutes: query.utcOffsetMinutes, via: "dashboard", actor: principal.actor });
  },
});
