import { afterAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { seedArticle, seedComment, seedRule } from "@/lib/rules/test-db-factories";
import { getBoss, RULE_RERUN_QUEUE, stopBoss } from "./boss";
import { enqueueRuleRerun, type RuleRerunJobData } from "./enqueue-rule-rerun";
import { handleRuleRerunJob } from "./rule-rerun-job";

afterAll(() => stopBoss());

describe("the rule-rerun job on pg-boss", () => {
  it("enqueues one job per requested pass, and its handler completes the pass", async () => {
    const article = await seedArticle();
    const rule = await seedRule({ config: { terms: ["zorblax"] } });
    const { id: commentId } = await seedComment(article.id, "zorblax here");

    const rerun = await enqueueRuleRerun(SYSTEM_ACTOR);
    expect(rerun.isNew).toBe(true);
    expect(await enqueueRuleRerun(SYSTEM_ACTOR)).toEqual({ id: rerun.id, isNew: false, total: rerun.total });
    const row = await db.ruleRerun.findUniqueOrThrow({ where: { id: rerun.id } });
    expect(row.jobId).toMatch(/^[0-9a-f-]{36}$/);

    const boss = await getBoss();
    const [job] = await boss.fetch<RuleRerunJobData>(RULE_RERUN_QUEUE, { includeMetadata: true });
    expect(job?.data).toEqual({ rerunId: rerun.id });
    await handleRuleRerunJob(boss, job!);
    await boss.complete(RULE_RERUN_QUEUE, job!.id);

    const finished = await db.ruleRerun.findUniqueOrThrow({ where: { id: rerun.id } });
    expect([finished.status, finished.processed]).toEqual(["COMPLETED", 1]);
    expect(await db.flag.findMany({ where: { commentId }, select: { ruleId: true } })).toEqual([{ ruleId: rule.id }]);
    expect(await db.auditEvent.count({ where: { action: "rule.rerun_requested", entityId: String(rerun.id) } })).toBe(1);
  });
});
