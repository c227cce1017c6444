import "server-only";
import { EXPORT_CONTENT_TYPES, type ExportFormat } from "./export-formatter";
import { pullStreamResponse } from "./pull-stream-response";
import { streamDecisionExport, type DecisionExportRequest } from "./stream-decision-export";

// The HTTP face of a decisions export (pull-stream-response.ts: the next batch is read only when
// the client has taken the previous one; a client that goes away records the export as aborted).
// The next cursor (export-cursor.ts) is known before the first byte, so it goes out as a header
// for every format; a client keeps it only once the body has arrived whole.

export const NEXT_CURSOR_HEADER = "moddesk-next-cursor";

export function exportFileName(format: ExportFormat, now: Date = new Date()): string {
  return `moddesk-decisions-${now.toISOString().slice(0, 10)}.${format}`;
}

export async function decisionExportResponse(request: DecisionExportRequest): Promise<Response> {
  let next = "";
  const chunks = streamDecisionExport({ ...request, onCursor: (cursor) => (next = cursor) });
  return pullStreamResponse(chunks, () => ({
    "content-type": EXPORT_CONTENT_TYPES[request.format],
    "content-disposition": `attachment; filename="${exportFileName(request.format)}"`,
    [NEXT_CURSOR_HEADER]: next,
  }), { rows: 0, completed: false, auditEventId: 0 });
}
