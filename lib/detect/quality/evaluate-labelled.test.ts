import { describe, expect, it } from "vitest";
import { compileRules } from "../compile-rules";
import { evaluateComment } from "../evaluate-comment";
import { testRule } from "../test-helpers";
import type { RuleDefinition } from "../types";
import { evaluateLabelled } from "./evaluate-labelled";
import { evaluateHateCheck } from "./hatecheck";
import { detectScript, type LabelledRecord, type QualityLabel } from "./labelled-record";
import { isModelRule, rulesForSplit } from "./rule-split";
import { thresholdCurve, withModelThreshold } from "./threshold-curve";

const insults = testRule("TERMS", { terms: ["idiot"] }, { id: "1", name: "insults", category: "ABUSIVE" });
const groupHate = testRule("TERMS", { terms: ["vermin"] }, { id: "2", name: "group-hate", category: "NATIONALIST" });
// The model rule kind is not in the engine's union on every branch: compared as a string.
const model = { ...testRule("TERMS", { terms: ["plague"] }, { id: "3", name: "model", category: "NATIONALIST" }), kind: "CLASSIFIER" } as unknown as RuleDefinition;

function record(id: string, text: string, labels: QualityLabel[], extra: Partial<LabelledRecord> = {}): LabelledRecord {
  return { id, text, labels, borderline: false, lang: "latin", thread: "t", ...extra };
}

// Hand-computed below: 4 hostile (r1, r2, r3, r6), 3 caught; 2 clean (r4, r5), 1 flagged.
const records = [
  record("r1", "you idiot", ["abusive"]),
  record("r2", "they are vermin", ["nationalist"]),
  record("r3", "those people are a plague", ["nationalist"]),
  record("r4", "what an idiot move by the selectors", []),
  record("r5", "good match today", []),
  record("r6", "vermin idiot", ["nationalist", "abusive"], { borderline: true, lang: "ta" }),
];

describe("evaluateLabelled", () => {
  const report = evaluateLabelled([insults, groupHate, model], records, "rules");

  it("runs only the hand-written rules for the rules split", () => {
    expect(report.ruleCount).toBe(2);
    expect(report.rules.map((rule) => rule.name)).toEqual(["insults", "group-hate"]);
  });

  it("computes hostile recall, hostile precision and the clean-flag rate", () => {
    expect(report.all.comments).toBe(6);
    expect(report.all.hostileRecall).toEqual({ hits: 3, total: 4, value: 0.75 });
    expect(report.all.hostilePrecision).toEqual({ hits: 3, total: 4, value: 0.75 });
    expect(report.all.cleanFlagRate).toEqual({ hits: 1, total: 2, value: 0.5 });
  });

  it("computes precision, recall and F1 per category, null where nothing was labelled or flagged", () => {
    const byCategory = Object.fromEntries(report.all.categories.map((figures) => [figures.category, figures]));
    expect(byCategory.ABUSIVE).toMatchObject({ labelled: 2, flagged: 3, correct: 2, recall: 1 });
    expect(byCategory.ABUSIVE!.precision).toBeCloseTo(2 / 3);
    expect(byCategory.ABUSIVE!.f1).toBeCloseTo(0.8);
    expect(byCategory.NATIONALIST).toMatchObject({ labelled: 3, flagged: 2, correct: 2, precision: 1 });
    expect(byCategory.NATIONALIST!.recall).toBeCloseTo(2 / 3);
    expect(byCategory.NATIONALIST!.f1).toBeCloseTo(0.8);
    expect(byCategory.OFF_TOPIC).toMatchObject({ labelled: 0, flagged: 0, precision: null, recall: null, f1: null });
  });

  it("breaks the figures down without borderline records and per script", () => {
    expect(report.withoutBorderline.comments).toBe(5);
    expect(report.withoutBorderline.hostileRecall).toEqual({ hits: 2, total: 3, value: 2 / 3 });
    expect(report.byScript.map((slice) => [slice.lang, slice.figures.hostileRecall.hits, slice.figures.hostileRecall.total])).toEqual([["latin", 2, 3], ["ta", 1, 1]]);
  });

  it("counts a comment in every row of its labels and every column of its flags", () => {
    const { rows, columns, counts } = report.confusion;
    const cell = (row: string, column: string) => counts[rows.indexOf(row)]![columns.indexOf(column)];
    expect([cell("nationalist", "NATIONALIST"), cell("nationalist", "ABUSIVE"), cell("nationalist", "none")]).toEqual([2, 1, 1]);
    expect([cell("abusive", "ABUSIVE"), cell("abusive", "NATIONALIST"), cell("abusive", "none")]).toEqual([2, 1, 0]);
    expect([cell("clean", "ABUSIVE"), cell("clean", "none"), cell("spam", "none")]).toEqual([1, 1, 0]);
  });

  it("measures each rule on its own category and counts its flags on clean comments", () => {
    const [insultFigures, hateFigures] = report.rules;
    expect(insultFigures).toMatchObject({ fired: 3, precision: { hits: 2, total: 3 }, recall: { hits: 2, total: 2, value: 1 }, cleanFlagged: 1, soleCorrect: 2, isModel: false });
    expect(hateFigures).toMatchObject({ fired: 2, precision: { hits: 2, total: 2, value: 1 }, recall: { hits: 2, total: 3 }, cleanFlagged: 0, soleCorrect: 2 });
  });

  it("counts the correct flags only one rule of a category raised", () => {
    const twoInsultRules = evaluateLabelled([insults, { ...insults, id: "4", name: "insults-2", config: { terms: ["idiot", "fool"] } }], [...records, record("r7", "you fool", ["abusive"])], "rules");
    expect(twoInsultRules.rules.map((rule) => [rule.name, rule.soleCorrect])).toEqual([["insults", 0], ["insults-2", 1]]);
  });

  it("lists misses and false flags with the rule, its reason and the matched words", () => {
    expect(report.misses.map((miss) => [miss.record.id, miss.categories])).toEqual([["r3", ["NATIONALIST"]]]);
    expect(report.falseFlags).toHaveLength(1);
    expect(report.falseFlags[0]!.record.id).toBe("r4");
    expect(report.falseFlags[0]!.fired).toEqual([expect.objectContaining({ rule: "insults", category: "ABUSIVE", matched: ["idiot"] })]);
    expect(report.falseFlags[0]!.fired[0]!.reason).not.toBe("");
  });
});

describe("rule splits", () => {
  it("tells model rules from hand-written ones and keeps only enabled rules", () => {
    const disabled = { ...insults, name: "off", enabled: false };
    expect(isModelRule(model)).toBe(true);
    expect(isModelRule(insults)).toBe(false);
    expect(rulesForSplit([insults, groupHate, model, disabled], "rules").map((rule) => rule.name)).toEqual(["insults", "group-hate"]);
    expect(rulesForSplit([insults, groupHate, model, disabled], "model").map((rule) => rule.name)).toEqual(["model"]);
    expect(rulesForSplit([insults, groupHate, model, disabled], "both").map((rule) => rule.name)).toEqual(["insults", "group-hate", "model"]);
  });

  it("reports zeros, not an error, for a split without rules", () => {
    const empty = evaluateLabelled([insults], records, "model");
    expect(empty.ruleCount).toBe(0);
    expect(empty.all.hostileRecall).toEqual({ hits: 0, total: 4, value: 0 });
    expect(empty.all.cleanFlagRate.value).toBe(0);
  });
});

describe("evaluateHateCheck", () => {
  const set = compileRules([insults]);
  const report = evaluateHateCheck(
    [
      { id: "h1", functionality: "insult_h", text: "an idiot", isHateful: true },
      { id: "h2", functionality: "insult_h", text: "nothing hostile", isHateful: true },
      { id: "h3", functionality: "negate_nh", text: "no idiot here", isHateful: false },
      { id: "h4", functionality: "negate_nh", text: "fine people", isHateful: false },
    ],
    (context) => evaluateComment(set, context),
  );

  it("counts a hateful case right when caught and a non-hateful one right when not", () => {
    expect(report.right).toEqual({ hits: 2, total: 4, value: 0.5 });
    expect(report.hatefulRecall).toEqual({ hits: 1, total: 2, value: 0.5 });
    expect(report.nonHatefulFlagged).toEqual({ hits: 1, total: 2, value: 0.5 });
    expect(report.functionalities).toEqual([
      { functionality: "insult_h", isHateful: true, right: { hits: 1, total: 2, value: 0.5 } },
      { functionality: "negate_nh", isHateful: false, right: { hits: 1, total: 2, value: 0.5 } },
    ]);
    expect(report.wrong.map((entry) => [entry.testCase.id, entry.fired.map((fired) => fired.rule)])).toEqual([["h2", []], ["h3", ["insults"]]]);
  });
});

describe("detectScript", () => {
  it("names Tamil and Devanagari text and takes anything else as Latin", () => {
    expect(detectScript("இது ஒரு சோதனை")).toBe("ta");
    expect(detectScript("यह एक परीक्षा है")).toBe("hi-deva");
    expect(detectScript("yeh ek test hai")).toBe("latin");
  });
});

describe("thresholdCurve", () => {
  it("moves only the model rules' threshold", () => {
    const withThreshold = { ...model, config: { threshold: 0.5 } } as RuleDefinition;
    const moved = withModelThreshold([insults, withThreshold], 0.8);
    expect(moved[0]).toBe(insults);
    expect(moved[1]!.config).toEqual({ threshold: 0.8 });
  });

  it("gives one point per threshold for the model alone and for both", () => {
    const curve = thresholdCurve([insults, groupHate], records, [0.3, 0.7]);
    expect(curve.map((point) => point.threshold)).toEqual([0.3, 0.7]);
    // No model rules here: the model catches nothing and both is the rules' figure at every threshold.
    for (const point of curve) {
      expect(point.model.hostileRecall).toEqual({ hits: 0, total: 4, value: 0 });
      expect(point.both.hostileRecall).toEqual({ hits: 3, total: 4, value: 0.75 });
      expect(point.both.cleanFlagRate).toEqual({ hits: 1, total: 2, value: 0.5 });
    }
  });
});
