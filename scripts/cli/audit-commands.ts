import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { say } from "../lib/output";
import { withDatabase } from "../lib/with-database";

export async function auditCommand(args: string[]): Promise<void> {
  if (args[0] !== "verify") throw new AppError("INVALID", "usage: moddesk audit verify");
  await withDatabase(async () => {
    const verdict = await verifyAuditChain(db);
    if (verdict.intact) {
      say(`intact, ${verdict.events} events`);
      return;
    }
    say(`BROKEN at event ${verdict.brokenAt.id} (${verdict.brokenAt.createdAt.toISOString()}): ${verdict.brokenAt.problem}`);
    say(`${verdict.events} events before it verified`);
    process.exitCode = 1;
  });
}
