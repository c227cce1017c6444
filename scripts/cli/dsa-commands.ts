import { once } from "node:events";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { commentStatementQuerySchema, statementExportQuerySchema } from "@/lib/dsa/schemas";
import { STATEMENTS_PER_CALL } from "@/lib/dsa/stream-statements-format";
import { openPrivateOutput } from "../lib/private-output";
import { writerFor } from "../lib/sink-writer";
import { withDatabase } from "../lib/with-database";
import { warn, writeData } from "../lib/output";

const USAGE = `usage: moddesk dsa statements [--format json|jsonl|batches] [--since ISO] [--until ISO] [--tz ZONE] [--out FILE]
       moddesk dsa notice --comment ID [--json]`;

function invalid(issues: { path: PropertyKey[]; message: string }[]): never {
  throw new AppError("INVALID", `${issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n")}\n${USAGE}`);
}

async function statementsCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { format: { type: "string" }, since: { type: "string" }, until: { type: "string" }, tz: { type: "string" }, out: { type: "string" } } });
  const parsed = statementExportQuerySchema.safeParse({ format: values.format, since: values.since, until: values.until, tz: values.tz });
  if (!parsed.success) invalid(parsed.error.issues);
  const { format, ...filters } = parsed.data;
  await withDatabase(async () => {
    const { streamStatements } = await import("@/lib/dsa/stream-statements");
    const sink = values.out ? await openPrivateOutput(values.out) : process.stdout;
    const write = writerFor(sink);
    const chunks = streamStatements({ format, filters, actor: { id: null, label: "cli" }, via: "cli" });
    let step = await chunks.next();
    while (!step.done) {
      await write(step.value);
      step = await chunks.next();
    }
    if (values.out) {
      sink.end();
      await once(sink, "finish");
    }
    const summary = step.value;
    // On stderr: stdout may be the statements themselves.
    warn(`${summary.statements} statement${summary.statements === 1 ? "" : "s"} of reasons as ${format}${values.out ? ` to ${values.out}` : ""}`);
    // One json document is one call's body only up to 100 statements; the database refuses more whole.
    if (format === "json" && summary.calls > 1) warn(`the Transparency Database takes at most ${STATEMENTS_PER_CALL} statements per call: this file needs ${summary.calls} calls; --format batches writes one call's body per line`);
    for (const skipped of summary.skipped) warn(`left out ${skipped.puid}: ${skipped.problems.join("; ")}`);
    if (summary.skipped.length > 0) process.exitCode = 1;
  });
}

async function noticeCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { comment: { type: "string" }, json: { type: "boolean" } } });
  const parsed = commentStatementQuerySchema.safeParse({ commentId: values.comment, format: values.json ? "json" : "text" });
  if (!parsed.success) invalid(parsed.error.issues);
  await withDatabase(async () => {
    const { statementOfReasonsForComment } = await import("@/lib/dsa/comment-statement-of-reasons");
    const found = await statementOfReasonsForComment(parsed.data.commentId);
    if (!found) throw new AppError("NOT_FOUND", `comment ${parsed.data.commentId} is not hidden, so it has no statement of reasons`);
    // The commenter's letter (it quotes the article's title): data, byte for byte into a pipe.
    writeData(`${parsed.data.format === "json" ? JSON.stringify(found, null, 2) : found.notice}\n`);
  });
}

export async function dsaCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === "statements") return statementsCommand(rest);
  if (sub === "notice") return noticeCommand(rest);
  throw new AppError("INVALID", USAGE);
}
