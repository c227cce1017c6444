import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { multiStatementCallBody, STATEMENTS_PER_CALL, type StatementFormat } from "./stream-statements-format";
import { transparencyStatementOf } from "./statement-of-reasons";
import { getDsaSettings, hideDecisionFacts, type HideDecisionFilters } from "./queries";
import { transparencyStatementSchema } from "./transparency-statement-schema";

// Statements of reasons for every hide in a period, as the Transparency Database takes them: `json`
// is one {"statements": [...]} document (the body of one call of its multi-statement endpoint only
// up to 100 statements: the database refuses a larger call whole), `batches` one such body per line
// of at most 100 statements each, ready to POST as they are, `jsonl` one statement per line for a
// pipeline that submits them in its own batches. Each statement is validated against
// the database's rules first; one that cannot be filed (a comment posted before 2000, which the
// database refuses) is left out and named in the audit event and the summary, never sent broken.


export interface StatementExportRequest {
  format: StatementFormat;
  filters: HideDecisionFilters;
  actor: AuditActor;
  via: string;
}

export interface StatementExportSummary {
  statements: number;
  /** How many calls of the multi-statement endpoint the statements need (100 per call). */
  calls: number;
  skipped: { puid: string; problems: string[] }[];
  completed: boolean;
}

export async function* streamStatements(request: StatementExportRequest): AsyncGenerator<Uint8Array, StatementExportSummary, undefined> {
  const settings = await getDsaSettings();
  const summary: StatementExportSummary = { statements: 0, calls: 0, skipped: [], completed: false };
  const encoder = new TextEncoder();
  let batch: string[] = [];
  const batchLine = () => {
    const line = encoder.encode(`${multiStatementCallBody(batch)}\n`);
    batch = [];
    return line;
  };
  try {
    if (request.format === "json") yield encoder.encode('{"statements":[');
    for await (const facts of hideDecisionFacts(request.filters)) {
      const statement = transparencyStatementOf(facts, settings);
      const checked = transparencyStatementSchema.safeParse(statement);
      if (!checked.success) {
        summary.skipped.push({ puid: statement.puid, problems: checked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) });
        continue;
      }
      const text = JSON.stringify(checked.data);
      summary.statements++;
      summary.calls = Math.ceil(summary.statements / STATEMENTS_PER_CALL);
      if (request.format === "batches") {
        batch.push(text);
        if (batch.length === STATEMENTS_PER_CALL) yield batchLine();
        continue;
      }
      yield encoder.encode(request.format === "json" ? `${summary.statements === 1 ? "" : ","}\n${text}` : `${text}\n`);
    }
    if (request.format === "batches" && batch.length > 0) yield batchLine();
    if (request.format === "json") yield encoder.encode("\n]}\n");
    summary.completed = true;
    return summary;
  } finally {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: request.actor,
        action: "export.dsa_statements",
        entityType: "export",
        details: {
          format: request.format,
          via: request.via,
          filters: { since: request.filters.since?.toISOString(), until: request.filters.until?.toISOString(), dayTimeZone: request.filters.dayTimeZone },
          statements: summary.statements,
          calls: summary.calls,
          skipped: summary.skipped.slice(0, 100),
          completed: summary.completed,
        },
      }),
    );
  }
}
