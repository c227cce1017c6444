import "server-only";
import { EXPORT_CONTENT_TYPES, type ExportFormat } from "./export-formatter";
import { pullStreamResponse } from "./pull-stream-response";
import { streamDecisionExport, type DecisionExportRequest } from "./stream-decision-export";

// The HTTP face of a decisions export (pull-stream-response.ts: the next batch is read only when
// the client has taken the previous one; a client that goes away records the export as aborted).

export function exportFileName(format: ExportFormat, now: Date = new Date()): string {
  return `moddesk-decisions-${now.toISOString().slice(0, 10)}.${format}`;
}

export async function decisionExportResponse(request: DecisionExportRequest): Promise<Response> {
  return pullStreamResponse(streamDecisionExport(request), {
    "content-type": EXPORT_CONTENT_TYPES[request.format],
    "content-disposition": `attachment; filename="${exportFileName(request.format)}"`,
  }, { rows: 0, completed: false, auditEventId: 0 });
}
