import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { isAppError } from "@/lib/errors";
import { importStream } from "./import-file";
import type { ImportInput } from "./read-lines";
import type { ImportFormat } from "./types";

export type ImportStreamLine =
  | { type: "progress"; seen: number; added: number; duplicates: number; rejected: number }
  | { type: "done"; batchId: number; format: string; articles: number; added: number; duplicates: number; rejected: number; problems: { line: number; field?: string; message: string }[]; warnings: { line: number; field?: string; message: string }[]; warningCount: number }
  | { type: "error"; message: string };

const SHOWN_PROBLEMS = 200;

/**
 * Runs an import and answers with NDJSON lines: progress as chunks land, then the summary.
 * `release` runs once the import has ended, whether it finished, failed or never read its input.
 */
export function streamImportProgress(request: {
  input: ImportInput;
  fileName: string;
  format?: ImportFormat;
  utcOffsetMinutes?: number;
  via: "dashboard" | "api";
  actor: AuditActor;
  release?: () => Promise<void>;
}): Response {
  const { release, ...importRequest } = request;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportStreamLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const summary = await importStream({ ...importRequest, onProgress: (progress) => send({ type: "progress", ...progress }) });
        send({
          type: "done",
          batchId: summary.batchId,
          format: summary.format,
          articles: summary.articles,
          added: summary.added,
          duplicates: summary.duplicates,
          rejected: summary.rejected,
          problems: summary.problems.slice(0, SHOWN_PROBLEMS),
          warnings: summary.warnings,
          warningCount: summary.warningCount,
        });
      } catch (error) {
        if (!isAppError(error)) console.error("[import upload]", error);
        send({ type: "error", message: isAppError(error) ? error.message : "The import failed on our side; nothing after the last progress line was stored." });
      } finally {
        await release?.().catch((error: unknown) => console.error("[import upload] could not remove the spooled file", error));
        controller.close();
      }
    },
  });
  return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}
