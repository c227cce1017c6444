import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { withPgTransaction } from "@/lib/db/pg-pool";
import { createRuleRerun } from "./create-rule-rerun";
import { runRuleRerunSlice } from "./run-rule-rerun";
import { seedArticle, seedComment, seedRule } from "./test-db-factories";

const flagsOf = (commentId: number) => db.flag.findMany({ where: { commentId }, select: { ruleId: true, ruleVersion: true, spans: true } });

describe("re-running the rules over stored comments", () => {
  it("resumes after an interruption and processes every comment exactly once, with fresh flags", async () => {
    const article = await seedArticle();
    const flagRule = await seedRule({ config: { terms: ["zorblax"] }, action: "FLAG", severity: 3 });
    const hideRule = await seedRule({ config: { terms: ["quuxword"] }, action: "AUTO_HIDE", severity: 5 });
    const retired = await seedRule({ config: { terms: ["retired"] } });
    await db.rule.update({ where: { id: retired.id }, data: { enabled: false } });

    const flagged: number[] = [];
    const pendingToHide: number[] = [];
    let approvedWithHideTerm = 0;
    let staleComment = 0;
    for (let index = 0; index < 25; index += 1) {
      const kind = index % 5;
      const body = kind === 0 ? `what a zorblax ${index}` : kind === 1 ? `quuxword ${index}` : `nothing to see ${index}`;
      const status = kind === 1 && index % 2 === 0 ? "APPROVED" : "PENDING";
      const { id } = await seedComment(article.id, body, status);
      if (kind === 0) flagged.push(id);
      if (kind === 1 && status === "PENDING") pendingToHide.push(id);
      if (kind === 1 && status === "APPROVED") approvedWithHideTerm = id;
      if (kind === 2 && staleComment === 0) staleComment = id;
    }
    // A flag from a rule that no longer runs, and a priority to match: both must go.
    await db.flag.create({ data: { commentId: staleComment, ruleId: retired.id, ruleVersion: 1, category: "ABUSIVE", score: 1, spans: [[0, 7]], reason: "old" } });
    await db.comment.update({ where: { id: staleComment }, data: { priority: 60, isHeld: true } });

    const rerun = await withPgTransaction((client) => createRuleRerun(client, SYSTEM_ACTOR));
    expect(await withPgTransaction((client) => createRuleRerun(client, SYSTEM_ACTOR))).toEqual({ id: rerun.id, isNew: false, total: 25 });

    // The worker "dies" after one batch.
    const interrupted = await runRuleRerunSlice(rerun.id, { batchSize: 10, maxBatches: 1 });
    expect(interrupted).toEqual({ done: false, processed: 10 });
    const midway = await db.ruleRerun.findUniqueOrThrow({ where: { id: rerun.id } });
    expect([midway.status, midway.processed, midway.total]).toEqual(["RUNNING", 10, 25]);

    // A new worker continues after lastCommentId.
    const resumed = await runRuleRerunSlice(rerun.id, { batchSize: 10 });
    expect(resumed).toEqual({ done: true, processed: 15 });
    const finished = await db.ruleRerun.findUniqueOrThrow({ where: { id: rerun.id } });
    expect([finished.status, finished.processed, finished.flagged, finished.autoHidden]).toEqual(["COMPLETED", 25, 10, pendingToHide.length]);
    expect(finished.finishedAt).not.toBeNull();
    expect(await runRuleRerunSlice(rerun.id, { batchSize: 10 })).toEqual({ done: true, processed: 0 });

    for (const id of flagged) {
      const flags = await flagsOf(id);
      expect(flags).toEqual([{ ruleId: flagRule.id, ruleVersion: 1, spans: [[7, 14]] }]);
    }
    expect(await flagsOf(staleComment)).toEqual([]);
    const stale = await db.comment.findUniqueOrThrow({ where: { id: staleComment } });
    expect([stale.priority, stale.isHeld]).toEqual([0, false]);

    const hidden = await db.comment.findMany({ where: { id: { in: pendingToHide } }, select: { status: true, version: true } });
    expect(hidden.every((comment) => comment.status === "HIDDEN" && comment.version === 1)).toBe(true);
    expect(await db.decision.count({ where: { commentId: { in: pendingToHide }, moderatorId: null, toStatus: "HIDDEN" } })).toBe(pendingToHide.length);
    expect(await db.auditEvent.count({ where: { action: "comment.auto_hide", entityId: { in: pendingToHide.map(String) } } })).toBe(pendingToHide.length);

    // A moderator's decision stands; its flags are refreshed all the same.
    const approved = await db.comment.findUniqueOrThrow({ where: { id: approvedWithHideTerm }, select: { status: true, priority: true, flags: { select: { ruleId: true } } } });
    expect(approved.status).toBe("APPROVED");
    expect(approved.flags).toEqual([{ ruleId: hideRule.id }]);
    expect(approved.priority).toBeGreaterThan(0);
  });
});
