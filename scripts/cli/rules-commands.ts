import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { say, writeData } from "../lib/output";
import { openPrivateOutput } from "../lib/private-output";
import { withDatabase } from "../lib/with-database";

const USAGE = "usage: moddesk rules export [--out FILE] | moddesk rules import <file>";
const CLI_ACTOR = { id: null, label: "cli" };

/** `moddesk rules export|import`: rule packs as JSON, between installations. */
export async function rulesCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === "export") return exportRules(rest);
  if (sub === "import") return importRules(rest);
  throw new AppError("INVALID", USAGE);
}

async function exportRules(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: "string" } } });
  if (positionals.length > 0) throw new AppError("INVALID", USAGE);
  await withDatabase(async () => {
    const { exportRulePack } = await import("@/lib/rules/export-rule-pack");
    const pack = await exportRulePack();
    const text = `${JSON.stringify(pack, null, 2)}\n`;
    if (!values.out) {
      writeData(text);
      return;
    }
    // An EXTERNAL rule's endpoint address is in the pack, with any key written into it: 0600.
    const sink = await openPrivateOutput(values.out);
    await new Promise<void>((resolve, reject) => {
      sink.once("error", reject);
      sink.end(text, resolve);
    });
    say(`Wrote ${pack.rules.length} rules to ${values.out}`);
  });
}

async function importRules(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [filePath] = positionals;
  if (!filePath || positionals.length > 1) throw new AppError("INVALID", USAGE);
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch {
    throw new AppError("NOT_FOUND", `${filePath}: cannot read the file`);
  }
  const { parseRulePack } = await import("@/lib/rules/rule-pack-schema");
  const parsed = parseRulePack(text);
  if (!parsed.ok) throw new AppError("INVALID", `${filePath} is not a valid rule pack; nothing was imported:\n${parsed.message}`);
  await withDatabase(async () => {
    const { importRulePack } = await import("@/lib/rules/import-rule-pack");
    const report = await importRulePack(parsed.pack, CLI_ACTOR);
    say(`Created ${report.created.length}, updated ${report.updated.length}, unchanged ${report.unchanged.length} rule(s)`);
    for (const name of report.skipped) say(`Skipped '${name}': a deleted rule has this name (restore or rename it in the dashboard)`);
    for (const { name, secret } of report.secrets) say(`EXTERNAL rule '${name}' signs its calls with ${secret} — give it to the endpoint now; it is not shown again (docs/external-classifier.md)`);
    if (report.created.length + report.updated.length === 0) return;
    // As a save on the Rules page: the queue follows the new rules without anyone pressing "Re-run rules".
    const { describePendingRecheck, recheckPendingComments } = await import("@/lib/rules/recheck-pending-comments");
    say(describePendingRecheck(await recheckPendingComments(CLI_ACTOR)));
  });
}
