import { once } from "node:events";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { exportQuerySchema } from "@/lib/export/schemas";
import { warn } from "../lib/output";
import { openPrivateOutput } from "../lib/private-output";
import { writerFor } from "../lib/sink-writer";
import { withDatabase } from "../lib/with-database";

const USAGE = "usage: moddesk export --format csv|json|jsonl [--since ISO] [--until ISO] [--tz ZONE] [--article ID] [--moderator EMAIL|system] [--after CURSOR] [--out FILE] [--bom]";

export async function exportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string" }, since: { type: "string" }, until: { type: "string" }, tz: { type: "string" }, article: { type: "string" }, moderator: { type: "string" }, after: { type: "string" }, out: { type: "string" }, bom: { type: "boolean" } },
  });
  if (positionals.length > 0) throw new AppError("INVALID", USAGE);
  const parsed = exportQuerySchema.safeParse({ format: values.format, since: values.since, until: values.until, tz: values.tz, article: values.article, moderator: values.moderator, after: values.after, bom: values.bom ? "1" : undefined });
  if (!parsed.success) throw new AppError("INVALID", `${parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n")}\n${USAGE}`);
  const { format, bom, ...filters } = parsed.data;
  await withDatabase(async () => {
    const { pumpDecisionExport } = await import("@/lib/export/stream-decision-export");
    const sink = values.out ? await openPrivateOutput(values.out) : process.stdout;
    let summary;
    try {
      summary = await pumpDecisionExport({ format, bom, filters, actor: { id: null, label: "cli" }, via: "cli" }, writerFor(sink));
    } catch (error) {
      // `moddesk export | head`: the reader left. The export is recorded as aborted; nothing to say.
      if ((error as NodeJS.ErrnoException).code === "EPIPE") return;
      throw error;
    }
    if (values.out) {
      sink.end();
      await once(sink, "finish");
    }
    // On stderr: stdout may be the export itself.
    warn(`exported ${summary.rows} decision${summary.rows === 1 ? "" : "s"} as ${format}${values.out ? ` to ${values.out}` : ""} (audit event ${summary.auditEventId})`);
    // Last, alone on its line, so a script takes it with `tail -n 1`: the next run's --after.
    warn(`next cursor: ${summary.next ?? ""}`);
  });
}
