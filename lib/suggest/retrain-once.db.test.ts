import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeArticle, makeComment, makeUser } from "@/lib/insights/test-factories";
import { generateLabelledComments } from "./generate-labelled-comments";
import { MIN_DECISIONS } from "./model-settings";
import { trainSuggestionModel } from "./train-suggestion-model";

// Two app instances can both find a retraining due and both queue the suggestion job; the second
// to get the training lock must find the first's model and stop, not train a second one.

describe("a retraining asked for twice (two instances)", () => {
  it("trains once when the job asks only if still due; an admin's explicit retrain still trains", async () => {
    const moderator = await makeUser();
    const articleId = await makeArticle();
    for (const example of generateLabelledComments({ count: MIN_DECISIONS + 30, seed: 4, start: new Date("2015-06-01T00:00:00Z") })) {
      await makeComment({ articleId, postedAt: example.decidedAt, body: example.text, decisions: [{ action: example.action, to: example.action === "HIDE" ? "HIDDEN" : "APPROVED", at: example.decidedAt, by: moderator, reason: example.reason ?? undefined }] });
    }
    expect(await trainSuggestionModel(undefined, { onlyIfDue: true })).toMatchObject({ status: "trained" });
    // The other instance's job, which saw the retraining due before the first one trained.
    expect(await trainSuggestionModel(undefined, { onlyIfDue: true })).toEqual({ status: "busy" });
    expect(await db.suggestionModel.count()).toBe(1);
    expect(await trainSuggestionModel()).toMatchObject({ status: "trained" });
    expect(await db.suggestionModel.count()).toBe(2);
  });
});
