import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeArticle, makeComment, makeUser } from "@/lib/insights/test-factories";
import { generateLabelledComments } from "@/lib/suggest/generate-labelled-comments";
import { RETRAIN_EVERY } from "@/lib/suggest/model-settings";
import { suggestionsFor } from "@/lib/suggest/suggestions-for";
import { getBoss, INSIGHTS_ROLLUP_QUEUE, stopBoss, SUGGESTION_QUEUE } from "./boss";
import { enqueueRetrainIfDue } from "./enqueue-retrain-if-due";
import { handleInsightsRollupJob } from "./insights-rollup-job";
import { handleSuggestionJob } from "./suggestion-job";

const START = new Date("2015-06-01T00:00:00Z");
const world = { moderator: "", articleId: 0 };

async function decide(count: number, seed: number, start: Date): Promise<void> {
  for (const example of generateLabelledComments({ count, seed, start })) {
    await makeComment({
      articleId: world.articleId,
      postedAt: example.decidedAt,
      body: example.text,
      decisions: [{ action: example.action, to: example.action === "HIDE" ? "HIDDEN" : "APPROVED", at: example.decidedAt, by: world.moderator, reason: example.reason ?? undefined }],
    });
  }
}

/** Takes every queued job of the queue (in any state pg-boss can hand out now), as the worker would. */
async function takeAll(queue: string): Promise<number> {
  const boss = await getBoss();
  const jobs = await boss.fetch(queue, { batchSize: 10 });
  for (const job of jobs) await boss.complete(queue, job.id);
  return jobs.length;
}

beforeAll(async () => {
  world.moderator = await makeUser();
  world.articleId = await makeArticle();
});
afterAll(() => stopBoss());

describe("the suggestion job", () => {
  it("is enqueued once when enough decisions arrive, trains, and stores predictions for pending comments", async () => {
    await decide(20, 1, START);
    expect(await enqueueRetrainIfDue()).toBeNull();
    await decide(380, 5, new Date(START.getTime() + 86_400_000));
    const jobId = await enqueueRetrainIfDue();
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    // A burst of decisions asks again and again: the stately queue keeps the one job.
    for (let i = 0; i < 5; i++) expect(await enqueueRetrainIfDue()).toBeNull();
    expect(await takeAll(SUGGESTION_QUEUE)).toBe(1);

    const abusive = (await makeComment({ articleId: world.articleId, postedAt: new Date(), body: "Shut up you stupid idiot, the writer is a clown" }));
    const fine = await makeComment({ articleId: world.articleId, postedAt: new Date(), body: "The budget debate in parliament was fair and the minister explained the taxes" });
    const outcome = await handleSuggestionJob(await getBoss());
    expect(outcome).toMatchObject({ status: "trained", decisions: 400, stored: 2, isDone: true });
    const model = await db.suggestionModel.findFirstOrThrow({ orderBy: { trainedAt: "desc" }, select: { id: true } });
    const stored = await db.commentSuggestion.findMany({ orderBy: { hideProbability: "desc" }, select: { commentId: true, modelId: true, action: true, reason: true, hideProbability: true } });
    expect(stored).toMatchObject([
      { commentId: abusive, modelId: model.id, action: "HIDE", reason: "ABUSIVE" },
      { commentId: fine, modelId: model.id, action: "APPROVE", reason: null },
    ]);
    expect(stored[0]!.hideProbability).toBeGreaterThan(0.5);
    expect(stored[1]!.hideProbability).toBeLessThan(0.5);
    // The card reads the stored prediction.
    await db.commentSuggestion.update({ where: { commentId: fine }, data: { confidence: 0.123 } });
    expect((await suggestionsFor([fine])).get(fine)).toMatchObject({ action: "APPROVE", confidence: 0.123, modelId: model.id });
    // The run queued its next periodic run.
    expect(await takeAll(SUGGESTION_QUEUE)).toBe(0);
    expect(await (await getBoss()).getQueueSize(SUGGESTION_QUEUE, { before: "active" })).toBe(1);
  });

  it("next time predicts only new pending comments, drops decided ones, and retrains after RETRAIN_EVERY decisions", async () => {
    const boss = await getBoss();
    const fresh = await makeComment({ articleId: world.articleId, postedAt: new Date(), body: "Earn money from home, click here: whatsapp 0300 1234567" });
    const pendingBefore = await db.commentSuggestion.findMany({ select: { commentId: true } });
    await db.comment.update({ where: { id: pendingBefore[0]!.commentId }, data: { status: "APPROVED" } });
    expect(await handleSuggestionJob(boss)).toMatchObject({ status: "fresh", stored: 1 });
    expect(await db.commentSuggestion.count()).toBe(2);
    expect(await db.commentSuggestion.findUnique({ where: { commentId: fresh } })).toMatchObject({ action: "HIDE", reason: "SPAM" });

    expect(await enqueueRetrainIfDue()).toBeNull();
    await decide(RETRAIN_EVERY, 9, new Date(Date.now() + 1_000));
    expect(await enqueueRetrainIfDue()).not.toBeNull();
    const outcome = await handleSuggestionJob(boss);
    expect(outcome).toMatchObject({ status: "trained", decisions: 400 + RETRAIN_EVERY, stored: 2 });
    const latest = await db.suggestionModel.findFirstOrThrow({ orderBy: { trainedAt: "desc" }, select: { id: true } });
    expect(await db.commentSuggestion.count({ where: { modelId: latest.id } })).toBe(2);
  });
});

describe("the insights rollup job", () => {
  it("refreshes the dirty past days and queues its next run", async () => {
    expect(await db.insightsDirtyDay.count({ where: { day: { lt: new Date(new Date().toISOString().slice(0, 10)) } } })).toBeGreaterThan(0);
    const refresh = await handleInsightsRollupJob(await getBoss());
    expect(refresh.refreshed).toBeGreaterThan(0);
    expect(refresh.remaining).toBe(0);
    expect(await db.insightsDirtyDay.count({ where: { day: { lt: new Date(new Date().toISOString().slice(0, 10)) } } })).toBe(0);
    expect(await (await getBoss()).getQueueSize(INSIGHTS_ROLLUP_QUEUE, { before: "active" })).toBe(1);
  });
});
