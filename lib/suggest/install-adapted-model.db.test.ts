import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyText } from "@/lib/detect/classifier/classify-text";
import { hasAdaptedModel, setAdaptedModel } from "@/lib/detect/classifier/active-model";
import { shippedModel } from "@/lib/detect/classifier/shipped-model";
import { makeArticle, makeComment, makeUser } from "@/lib/insights/test-factories";
import { loadRuleEvaluator } from "@/lib/rules/load-rule-evaluator";
import { seedRule } from "@/lib/rules/test-db-factories";
import { installAdaptedModel } from "./install-adapted-model";
import { parseSuggestionParams } from "./serialize-model";
import { trainSuggestionModel } from "./train-suggestion-model";
import { db } from "@/lib/db/client";

// A desk that keeps hiding one made-up insult as abusive and approving match talk.
const INSULT = "flurbwit";
const START = new Date("2026-01-01T00:00:00Z");

beforeAll(async () => {
  const moderator = await makeUser();
  const articleId = await makeArticle();
  for (let i = 0; i < 60; i++) {
    const at = new Date(START.getTime() + i * 60_000);
    const isHide = i % 2 === 0;
    await makeComment({
      articleId, postedAt: at,
      body: isHide ? `you are a ${INSULT} number ${i}` : `good match today number ${i}`,
      decisions: [{ action: isHide ? "HIDE" : "APPROVE", to: isHide ? "HIDDEN" : "APPROVED", at, by: moderator, reason: isHide ? "ABUSIVE" : undefined }],
    });
  }
});

afterAll(() => setAdaptedModel(null));

describe("the desk's decisions adapt the shipped classifier", () => {
  it("stores the adapted weights with the trained model and CLASSIFIER rules score with them", async () => {
    expect(await installAdaptedModel()).toEqual({ modelId: null });
    expect(hasAdaptedModel()).toBe(false);
    const before = classifyText(`what a ${INSULT}`, shippedModel()).ABUSIVE;

    const outcome = await trainSuggestionModel();
    expect(outcome.status).toBe("trained");
    const row = await db.suggestionModel.findFirstOrThrow({ select: { params: true } });
    const adapted = parseSuggestionParams(row.params).adapted;
    expect(adapted?.heads.find((head) => head.category === "ABUSIVE")?.buckets.length).toBeGreaterThan(0);

    await seedRule({ name: "model-abusive-test", kind: "CLASSIFIER", category: "ABUSIVE", config: { threshold: 0.5 } });
    const evaluate = await loadRuleEvaluator();
    expect(hasAdaptedModel()).toBe(true);
    expect(classifyText(`what a ${INSULT}`).ABUSIVE).toBeGreaterThan(before);
    const flags = evaluate({ body: `you are such a ${INSULT}` });
    expect(flags.find((flag) => flag.ruleName === "model-abusive-test")?.reason).toMatch(new RegExp(`model: 0\\.\\d\\d abusive — weighed most: .*${INSULT}`));
  });
});
