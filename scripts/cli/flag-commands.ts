import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { IMPORT_FORMATS, type ImportFormat } from "@/lib/import/types";
import { warn, writeData } from "../lib/output";
import { withDatabase } from "../lib/with-database";

const USAGE = "usage: moddesk flag <file> [--format F]   (formats: article json jsonl csv disqus wxr)";

/** `moddesk flag <file>`: one JSON object per comment on stdout, parse problems on stderr; stores nothing. */
export async function flagCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: "string" } } });
  const [filePath] = positionals;
  if (!filePath || positionals.length > 1) throw new AppError("INVALID", USAGE);
  if (values.format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(values.format)) {
    throw new AppError("INVALID", `--format must be one of ${IMPORT_FORMATS.join(", ")} (got '${values.format}')`);
  }
  await withDatabase(async () => {
    const { flagFile, loadFlaggingRules } = await import("@/lib/rules/flag-file");
    const { evaluate, source } = await loadFlaggingRules();
    if (source === "default pack") warn("(this database has no rules yet: flagging with the default pack)");
    let problems = 0;
    for await (const event of flagFile({ filePath, format: values.format as ImportFormat | undefined, evaluate })) {
      if (event.type === "problem") {
        problems += 1;
        warn(`${filePath}:${event.problem.line}: ${event.problem.field ? `${event.problem.field}: ` : ""}${event.problem.message}`);
      } else {
        writeData(`${JSON.stringify(event.comment)}\n`);
      }
    }
    if (problems > 0) process.exitCode = 1;
  });
}
