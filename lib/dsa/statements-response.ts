import "server-only";
import { pullStreamResponse } from "@/lib/export/pull-stream-response";
import { streamStatements, type StatementExportRequest } from "./stream-statements";

export async function statementsResponse(request: StatementExportRequest): Promise<Response> {
  const day = new Date().toISOString().slice(0, 10);
  return pullStreamResponse(streamStatements(request), {
    "content-type": request.format === "json" ? "application/json; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    "content-disposition": `attachment; filename="moddesk-dsa-statements-${day}.${request.format === "batches" ? "calls.jsonl" : request.format}"`,
  }, { statements: 0, calls: 0, skipped: [], completed: false });
}
