import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { importUpload } from "@/lib/import/import-upload";
import { uploadImportQuerySchema } from "@/lib/import/schemas-upload";
import { checkUploadSize, UPLOAD_MAX_BYTES } from "@/lib/import/upload-limit";
import { defineRoute } from "@/lib/route";

// The dashboard's upload: the file is the request body (proxy.ts does not match /api/, so nothing
// buffers or truncates it on the way). It is spooled to a private file, then imported from there
// and the file removed (lib/import/import-upload.ts); the answer is NDJSON progress lines, then the
// summary. Over the limit: 413 before a row.
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
    return importUpload(request.body, {
      dir: path.join(env().MODDESK_DATA_DIR, "uploads"),
      maxBytes: UPLOAD_MAX_BYTES,
      fileName: query.fileName,
      format: query.format,
      utcOffsetMinutes: query.utcOffsetMinutes,
      actor: principal.actor,
    });
  },
});
