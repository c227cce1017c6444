import "server-only";
import { EXPORT_CONTENT_TYPES, type ExportFormat } from "./export-formatter";
import { streamDecisionExport, type DecisionExportRequest } from "./stream-decision-export";

// The HTTP face of an export: a pull-based stream, so the next batch is read from the database only
// when the client has taken the previous one; a client that goes away cancels the stream, which
// ends the generator and records the export as aborted.

export function exportFileName(format: ExportFormat, now: Date = new Date()): string {
  return `moddesk-decisions-${now.toISOString().slice(0, 10)}.${format}`;
}

export async function decisionExportResponse(request: DecisionExportRequest): Promise<Response> {
  const chunks = streamDecisionExport(request);
  // Started before answering: a database that cannot be reached is an error status, not a 200
  // with an empty file.
  const first = await chunks.next();
  let pending: Buffer | null = first.done ? null : first.value;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            if (pending !== null) {
              const chunk = pending;
              pending = null;
              if (chunk.length > 0) return controller.enqueue(chunk);
            }
            const step = await chunks.next();
            if (step.done) return controller.close();
            pending = step.value;
          }
        } catch (error) {
          // Headers are gone: erroring the body makes the client see a failed (not a short) download.
          console.error("[export] failed mid-stream", error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return({ rows: 0, completed: false, auditEventId: 0 });
      },
    },
    { highWaterMark: 1 },
  );
  return new Response(body, {
    headers: {
      "content-type": EXPORT_CONTENT_TYPES[request.format],
      "content-disposition": `attachment; filename="${exportFileName(request.format)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
