import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { withPgTransaction } from "@/lib/db/pg-pool";
import { createRuleRerun, setRerunJobId } from "@/lib/rules/create-rule-rerun";
import { getBoss, RULE_RERUN_QUEUE } from "./boss";

export interface RuleRerunJobData {
  rerunId: number;
}

/** Records a re-run and enqueues its job in one transaction: no pass without a job, nor the reverse. */
export async function enqueueRuleRerun(actor: AuditActor, options: { pendingOnly?: boolean } = {}): Promise<{ id: number; isNew: boolean; total: number }> {
  const boss = await getBoss();
  return withPgTransaction(async (client) => {
    const rerun = await createRuleRerun(client, actor, options);
    if (!rerun.isNew) return rerun;
    const data: RuleRerunJobData = { rerunId: rerun.id };
    const jobId = await boss.send(RULE_RERUN_QUEUE, data, { db: { executeSql: (text, values) => client.query(text, values) } });
    if (jobId) await setRerunJobId(client, rerun.id, jobId);
    return rerun;
  });
}
