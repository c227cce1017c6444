import "server-only";
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { spoolUpload } from "./spool-upload";
import { streamImportProgress } from "./stream-import-progress";
import type { ImportFormat } from "./types";
import { tooLargeMessage } from "./upload-limit";

/**
 * The Imports page's upload (POST /api/v1/imports): spooled to a private file, imported from there
 * with NDJSON progress, and the file removed however the import ends. It used to be removed when
 * its read stream closed, which an import that failed before reading it through never did: a file
 * of an unknown kind (or any early refusal) left its spool file, up to 1 GB each, for a day, and a
 * leaked ingest token could fill the disk PostgreSQL's data lives on (docs/security.md, eighth review).
 */
export async function importUpload(
  body: ReadableStream<Uint8Array>,
  options: { dir: string; maxBytes: number; fileName: string; format?: ImportFormat; utcOffsetMinutes?: number; actor: AuditActor },
): Promise<Response> {
  const spooled = await spoolUpload(body, { dir: options.dir, maxBytes: options.maxBytes });
  if (!spooled.ok) return Response.json({ error: { code: "TOO_LARGE", message: tooLargeMessage(spooled.bytes) } }, { status: 413 });
  const input = createReadStream(spooled.file);
  return streamImportProgress({
    input,
    fileName: options.fileName,
    format: options.format,
    utcOffsetMinutes: options.utcOffsetMinutes,
    via: "dashboard",
    actor: options.actor,
    release: async () => {
      input.destroy();
      await rm(spooled.file, { force: true });
    },
  });
}
