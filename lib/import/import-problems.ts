import "server-only";
import type { PoolClient } from "pg";
import { getPgPool } from "@/lib/db/pg-pool";
import { CSV_ROW_END, UTF8_BOM, csvRow } from "@/lib/export/csv";
import type { ParseProblem } from "./types";

// Every rejected row of an import is kept, however many: the summaries show the first ones, and the
// CSV (Imports page, GET /api/v1/imports/{id}/problems, `moddesk import problems`) gives them all.

type Query = PoolClient["query"];

const INSERT_CHUNK = 5_000;
const READ_PAGE = 5_000;

/** Stores problems of a batch as they are found (import-problem-log.ts), chunks of one array-bound INSERT each. */
export async function recordImportProblems(query: Query, batchId: number, problems: readonly ParseProblem[]): Promise<void> {
  for (let start = 0; start < problems.length; start += INSERT_CHUNK) {
    const chunk = problems.slice(start, start + INSERT_CHUNK);
    await query(
      `INSERT INTO import_problem ("batchId", line, field, message)
       SELECT $1, line, field, message FROM unnest($2::int[], $3::text[], $4::text[]) AS p(line, field, message)`,
      [batchId, chunk.map((problem) => problem.line), chunk.map((problem) => problem.field ?? null), chunk.map((problem) => problem.message)],
    );
  }
}

export const IMPORT_PROBLEM_CSV_HEADER = ["file", "line", "field", "problem"] as const;

/** The batch's file name, or null when there is no such batch. */
export async function importBatchFileName(batchId: number): Promise<string | null> {
  const { rows } = await getPgPool().query<{ fileName: string }>(`SELECT "fileName" FROM import_batch WHERE id = $1`, [batchId]);
  return rows[0]?.fileName ?? null;
}

/** Every problem of a batch as CSV lines (BOM and header first), read in keyset pages so memory stays flat. */
export async function* importProblemCsvLines(batchId: number, fileName: string): AsyncGenerator<string> {
  yield UTF8_BOM + IMPORT_PROBLEM_CSV_HEADER.join(",") + CSV_ROW_END;
  let after = 0n;
  for (;;) {
    const { rows } = await getPgPool().query<{ id: string; line: number; field: string | null; message: string }>(
      `SELECT id, line, field, message FROM import_problem WHERE "batchId" = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [batchId, after.toString(), READ_PAGE],
    );
    if (rows.length === 0) return;
    let text = "";
    for (const row of rows) text += csvRow([fileName, row.line, row.field, row.message]);
    yield text;
    after = BigInt(rows[rows.length - 1]!.id);
  }
}

/** The CSV download of a batch's rejected rows, streamed; 404 when there is no such batch. */
export async function importProblemsCsvResponse(batchId: number): Promise<Response> {
  const fileName = await importBatchFileName(batchId);
  if (fileName === null) return Response.json({ error: { code: "NOT_FOUND", message: `There is no import #${batchId}.` } }, { status: 404 });
  const lines = importProblemCsvLines(batchId, fileName);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="import-${batchId}-rejected-rows.csv"`,
      "cache-control": "no-store",
    },
  });
}
