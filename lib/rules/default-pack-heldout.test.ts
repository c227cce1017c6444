import { describe, expect, it } from "vitest";
import heldout from "@/test/fixtures/rules/heldout.json";
import { compileRules } from "@/lib/detect/compile-rules";
import { defaultRulePack } from "./default-pack";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import type { RuleCategory } from "@/lib/detect/types";

// A regression check on comments we wrote ourselves before the pack was tuned: it keeps the pack's
// vocabulary from losing what it caught. It is not a measure of quality on real threads: that is
// the labelled corpus (npm run quality:check, docs/quality.md).
// Hand-written rules only: the shipped model is measured on the real corpus (docs/model.md) and by
// its own tests (lib/detect/classifier), not on these self-written comments.
const set = compileRules(defaultRulePack().filter((rule) => rule.kind !== "CLASSIFIER").map((rule, index) => ({ ...rule, id: `default-${index}`, version: 1 })));

function precisionRecall(category: RuleCategory): { precision: number; recall: number; misses: string[] } {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const misses: string[] = [];
  for (const comment of heldout.comments) {
    const predicted = evaluateComment(set, { body: comment.body }).some((flag) => flag.category === category);
    const labelled = (comment.labels as string[]).includes(category);
    if (predicted && labelled) truePositives++;
    if (predicted && !labelled) { falsePositives++; misses.push(`false positive: ${comment.body}`); }
    if (!predicted && labelled) { falseNegatives++; misses.push(`missed: ${comment.body}`); }
  }
  return {
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: truePositives / Math.max(1, truePositives + falseNegatives),
    misses,
  };
}

describe("default pack on the held-out comments", () => {
  it("has a realistic mix", () => {
    expect(heldout.comments.length).toBeGreaterThanOrEqual(60);
  });
  it.each(["ABUSIVE", "NATIONALIST"] as const)("%s: precision >= 0.85, recall >= 0.75", (category) => {
    const { precision, recall, misses } = precisionRecall(category);
    console.info(`${category}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n  ${misses.join("\n  ")}`);
    expect(precision).toBeGreaterThanOrEqual(0.85);
    expect(recall).toBeGreaterThanOrEqual(0.75);
  });
  it("flags no clean comment at all", () => {
    const clean = heldout.comments.filter((c) => c.labels.length === 0);
    const flagged = clean.filter((c) => evaluateComment(set, { body: c.body }).length > 0).map((c) => c.body);
    expect(flagged).toEqual([]);
  });
});
