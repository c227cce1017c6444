import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hours, makeArticle, makeComment, makeUser } from "@/lib/insights/test-factories";
import { generateLabelledComments } from "./generate-labelled-comments";
import { getModelStatus } from "./get-model-status";
import { loadTrainingExamples } from "./load-training-examples";
import { maybeRetrainSuggestionModel } from "./maybe-retrain-suggestion-model";
import { RETRAIN_EVERY } from "./model-settings";
import { suggestionsFor } from "./suggestions-for";
import { trainSuggestionModel } from "./train-suggestion-model";
import type { TrainingExample } from "./types";

const START = new Date("2015-06-01T00:00:00Z");
let moderator = "";
let articleId = 0;

async function decide(examples: readonly TrainingExample[]): Promise<void> {
  for (const example of examples) {
    await makeComment({
      articleId,
      postedAt: example.decidedAt,
      body: example.text,
      decisions: [{ action: example.action, to: example.action === "HIDE" ? "HIDDEN" : "APPROVED", at: example.decidedAt, by: moderator, reason: example.reason ?? undefined }],
    });
  }
}

beforeAll(async () => {
  moderator = await makeUser();
  articleId = await makeArticle();
});

describe("training the suggestion model", () => {
  it("stays off below the minimum and says why", async () => {
    await decide(generateLabelledComments({ count: 12, seed: 1, start: START }));
    expect(await trainSuggestionModel()).toEqual({ status: "off", why: "needs 50 decisions, has 12", decisions: 12 });
    expect(await maybeRetrainSuggestionModel()).toMatchObject({ status: "off", why: "needs 50 decisions, has 12" });
    expect(await getModelStatus()).toEqual({ state: "off", why: "needs 50 decisions, has 12", model: null });
    expect(await db.suggestionModel.count()).toBe(0);
    expect((await suggestionsFor([1])).size).toBe(0);
  });

  it("learns from people's decisions in force only: not undone ones, not auto-hides", async () => {
    const undone = await makeComment({ articleId, postedAt: START, body: "undone decision", decisions: [
      { action: "HIDE", to: "HIDDEN", at: hours(START, 1), by: moderator, reason: "SPAM" },
      { action: "UNDO", to: "PENDING", at: hours(START, 1.01), by: moderator },
    ] });
    await makeComment({ articleId, postedAt: START, body: "auto hidden", decisions: [{ action: "HIDE", to: "HIDDEN", at: START, by: null, reason: "ABUSIVE" }] });
    await makeComment({ articleId, postedAt: START, body: "hidden twice", decisions: [
      { action: "HIDE", to: "HIDDEN", at: hours(START, 2), by: moderator, reason: "SPAM" },
      { action: "REVERT", to: "PENDING", at: hours(START, 3), by: moderator },
      { action: "HIDE", to: "HIDDEN", at: hours(START, 4), by: moderator, reason: "ABUSIVE" },
    ] });
    const examples = await loadTrainingExamples();
    expect(examples).toHaveLength(13);
    expect(examples.map((example) => example.text)).not.toContain("undone decision");
    expect(examples.map((example) => example.text)).not.toContain("auto hidden");
    expect(examples.find((example) => example.text === "hidden twice")).toMatchObject({ action: "HIDE", reason: "ABUSIVE" });
    expect(undone).toBeGreaterThan(0);
  });

  it("trains on enough decisions, beats the baseline on the held-out newest 20%, and suggests with its words", async () => {
    await decide(generateLabelledComments({ count: 400, seed: 5, start: hours(START, 24) }));
    const outcome = await trainSuggestionModel();
    expect(outcome).toMatchObject({ status: "trained", decisions: 413 });
    if (outcome.status !== "trained") throw new Error("not trained");
    expect(outcome.heldOutAccuracy).toBeGreaterThan(outcome.baselineAccuracy);
    const stored = await db.suggestionModel.findUniqueOrThrow({ where: { id: outcome.modelId } });
    expect(stored).toMatchObject({ decisions: 413, heldOutAccuracy: outcome.heldOutAccuracy, baselineAccuracy: outcome.baselineAccuracy });
    expect(await db.auditEvent.count({ where: { action: "suggestion_model.train", entityId: String(outcome.modelId) } })).toBe(1);

    const abusive = await makeComment({ articleId, postedAt: new Date(), body: "Shut up you stupid idiot, the writer is a clown" });
    const spam = await makeComment({ articleId, postedAt: new Date(), body: "Earn money from home, click here: whatsapp 0300 1234567" });
    const fine = await makeComment({ articleId, postedAt: new Date(), body: "The budget debate in parliament was fair and the minister explained the taxes" });
    const suggestions = await suggestionsFor([abusive, spam, fine, abusive]);
    expect(suggestions.size).toBe(3);
    expect(suggestions.get(abusive)).toMatchObject({ commentId: abusive, action: "HIDE", reason: "ABUSIVE", modelId: outcome.modelId });
    const words = suggestions.get(abusive)?.words.map((word) => word.text) ?? [];
    expect(words).toContain("shut up");
    for (const word of words) expect("shut up you stupid idiot the writer is a clown").toContain(word);
    expect(suggestions.get(spam)).toMatchObject({ action: "HIDE", reason: "SPAM" });
    expect(suggestions.get(fine)).toMatchObject({ action: "APPROVE", reason: null });

    expect(await getModelStatus()).toMatchObject({ state: "on", model: { decisions: 413, newDecisions: 0 } });
  });

  it("retrains only after enough new decisions", async () => {
    expect(await maybeRetrainSuggestionModel()).toEqual({ status: "fresh", newDecisions: 0 });
    await decide(generateLabelledComments({ count: RETRAIN_EVERY, seed: 9, start: new Date(Date.now() + 1_000) }));
    const outcome = await maybeRetrainSuggestionModel();
    expect(outcome).toMatchObject({ status: "trained", decisions: 413 + RETRAIN_EVERY });
    expect(await db.suggestionModel.count()).toBe(2);
  });
});
