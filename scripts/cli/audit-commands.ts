import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkpointAuditChain } from "@/lib/audit/checkpoint-chain";
import { defaultCheckpointsFile } from "@/lib/audit/checkpoints";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db/client";
import { requireDatabaseUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { say, writeData } from "../lib/output";
import { withDatabase } from "../lib/with-database";

const USAGE = "usage: moddesk audit verify [--checkpoints FILE ...] | audit checkpoint | audit checkpoints";

export async function auditCommand(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { checkpoints: { type: "string", multiple: true } }, strict: true });
  if (verb === "checkpoints") {
    // The signed checkpoints as JSON lines, to keep a copy away from this machine.
    const file = defaultCheckpointsFile();
    if (existsSync(file)) writeData(readFileSync(file, "utf8"));
    return;
  }
  if (verb === "checkpoint") {
    await withDatabase(async () => {
      const checkpoint = await checkpointAuditChain(requireDatabaseUrl());
      say(checkpoint ? `checkpoint: ${checkpoint.count} events, head ${checkpoint.head} (${checkpoint.at})` : "the audit log is empty: nothing to checkpoint");
    });
    return;
  }
  if (verb !== "verify") throw new AppError("INVALID", USAGE);
  for (const file of values.checkpoints ?? []) if (!existsSync(file)) throw new AppError("INVALID", `checkpoints file ${file} does not exist`);
  await withDatabase(async () => {
    const verdict = await verifyAuditChain(db, { checkpointFiles: [defaultCheckpointsFile(), ...(values.checkpoints ?? [])] });
    if (verdict.intact) {
      // A verified head is worth pinning: the next verify checks the chain still passes through it.
      await checkpointAuditChain(requireDatabaseUrl());
      say(`intact, ${verdict.events} events (${verdict.checkpoints} signed checkpoint(s) matched)`);
      return;
    }
    say(`BROKEN at event ${verdict.brokenAt.id} (${verdict.brokenAt.createdAt.toISOString()}): ${verdict.brokenAt.problem}`);
    say(`${verdict.events} events before it verified`);
    process.exitCode = 1;
  });
}
