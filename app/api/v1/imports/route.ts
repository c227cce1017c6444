import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { streamImportProgress } from "@/lib/import/stream-import-progress";
import { uploadImportQuerySchema } from "@/lib/import/schemas-upload";
import { spoolUpload } from "@/lib/import/spool-upload";
import { checkUploadSize, tooLargeMessage, UPLOAD_MAX_BYTES } from "@/lib/import/upload-limit";
import { defineRoute } from "@/lib/route";

// The dashboard's upload: the file is the request body (proxy.ts does not match /api/, so nothing
// buffers or truncates it on the way). It is spooled to a private file, then imported from there;
// the answer is NDJSON progress lines, then the summary. Over the limit: 413 before a row.
export const POST = defineRoute({
  name: "POST /api/v1/imports",
  permission: "imports:run",
  scope: "comments:ingest",
  input: uploadImportQuerySchema,
  parseFrom: "query",
  bodyTypes: ["application/octet-stream"],
  run: async (query, { principal, request }) => {
    const size = checkUploadSize(request.headers.get("content-length"));
    if (!size.ok) return Response.json({ error: { code: size.code, message: size.message } }, { status: size.status });
    if (!request.body) throw new AppError("INVALID", "Send the file as the request body.");
    const spooled = await spoolUpload(request.body, { dir: path.join(env().MODDESK_DATA_DIR, "uploads"), maxBytes: UPLOAD_MAX_BYTES });
    if (!spooled.ok) return Response.json({ error: { code: "TOO_LARGE", message: tooLargeMessage(spooled.bytes) } }, { status: 413 });
    const input = createReadStream(spooled.file);
    input.once("close", () => void rm(spooled.file, { force: true }));
    return streamImportProgress({ input, fileName: query.fileName, format: query.format, utcOffsetMinutes: query.utcOffsetMinutes, via: "dashboard", actor: principal.actor });
  },
});
