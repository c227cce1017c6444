import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { withPgTransaction } from "@/lib/db/pg-pool";
import { countQueueTabs } from "@/lib/moderation/count-queue-tabs";
import { createRuleRerun } from "./create-rule-rerun";
import { runRuleRerunSlice } from "./run-rule-rerun";
import { setRuleEnabled } from "./set-rule-enabled";
import { seedArticle, seedComment, seedRule } from "./test-db-factories";

// The automatic pass after a rule change (lib/rules/actions.ts): pending comments only.
const recheckPending = async () => {
  const rerun = await withPgTransaction((client) => createRuleRerun(client, SYSTEM_ACTOR, { pendingOnly: true }));
  await runRuleRerunSlice(rerun.id, { batchSize: 2 });
  return db.ruleRerun.findUniqueOrThrow({ where: { id: rerun.id } });
};
const stateOf = (commentId: number) =>
  db.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: { status: true, priority: true, flagCategories: true, flags: { select: { ruleId: true } }, withdrawnFlags: { select: { ruleId: true, ruleVersion: true, withdrawnAt: true } } },
  });

describe("a rule change re-checks the pending comments", () => {
  it("flags pending matches of a new rule, then withdraws them into history when it is disabled; decided comments keep theirs", async () => {
    const article = await seedArticle();
    const pendingA = await seedComment(article.id, "a plimbrox remark");
    const pendingB = await seedComment(article.id, "plimbrox again");
    const quiet = await seedComment(article.id, "nothing to see");
    const decided = await seedComment(article.id, "plimbrox, approved before the rule", "APPROVED");
    const before = await countQueueTabs({ fresh: true });

    const rule = await seedRule({ category: "SPAM", config: { terms: ["plimbrox"] }, severity: 3 });
    const created = await recheckPending();
    // Three pending comments of this file's database, read in batches of two; the approved one is not read.
    expect([created.status, created.pendingOnly, created.total, created.processed, created.flagged]).toEqual(["COMPLETED", true, 3, 3, 2]);
    for (const { id } of [pendingA, pendingB]) {
      const state = await stateOf(id);
      expect(state.flags).toEqual([{ ruleId: rule.id }]);
      expect(state.flagCategories).toEqual(["SPAM"]);
      expect(state.priority).toBeGreaterThan(0);
    }
    expect((await stateOf(quiet.id)).flags).toEqual([]);
    expect((await stateOf(decided.id)).flags).toEqual([]);
    expect((await countQueueTabs({ fresh: true })).flagged).toBe(before.flagged + 2);

    // pendingB is decided while flagged: its flag is part of why, and stays.
    await db.comment.update({ where: { id: pendingB.id }, data: { status: "HIDDEN" } });
    const disabled = await setRuleEnabled(rule.id, 1, false, SYSTEM_ACTOR);
    expect(disabled.version).toBe(2);
    const withdrawn = await recheckPending();
    expect([withdrawn.total, withdrawn.processed, withdrawn.flagged]).toEqual([2, 2, 0]);

    const a = await stateOf(pendingA.id);
    expect(a.flags).toEqual([]);
    expect([a.priority, a.flagCategories]).toEqual([0, []]);
    expect(a.withdrawnFlags).toHaveLength(1);
    expect(a.withdrawnFlags[0]).toMatchObject({ ruleId: rule.id, ruleVersion: 1 });
    expect(a.withdrawnFlags[0]!.withdrawnAt).toBeInstanceOf(Date);

    const b = await stateOf(pendingB.id);
    expect([b.status, b.flags, b.withdrawnFlags]).toEqual(["HIDDEN", [{ ruleId: rule.id }], []]);
    expect((await countQueueTabs({ fresh: true })).flagged).toBe(before.flagged);

    // Re-enabled: flagged again, and the history keeps the earlier withdrawal.
    await setRuleEnabled(rule.id, 2, true, SYSTEM_ACTOR);
    await recheckPending();
    const again = await stateOf(pendingA.id);
    expect([again.flags, again.withdrawnFlags.length]).toEqual([[{ ruleId: rule.id }], 1]);
  });

  it("lets a queued full pass cover a pending-only request, not the reverse", async () => {
    const pending = await withPgTransaction((client) => createRuleRerun(client, SYSTEM_ACTOR, { pendingOnly: true }));
    const full = await withPgTransaction((client) => createRuleRerun(client, SYSTEM_ACTOR));
    expect(full.isNew).toBe(true);
    expect((await withPgTransaction((client) => createRuleRerun(client, SYSTEM_ACTOR, { pendingOnly: true }))).id).toBe(full.id);
    await runRuleRerunSlice(pending.id);
    await runRuleRerunSlice(full.id);
  });
});
