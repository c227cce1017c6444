import { describe, expect, it } from "vitest";
import { ruleFingerprint } from "@/lib/detect/quality/rule-fingerprint";
import { testRule } from "@/lib/detect/test-helpers";
import { ruleCorpusStatus, type RuleCorpusFile } from "./rule-corpus-figures";

const rule = testRule("NEAR", { a: ["them"], b: ["vermin"], within: 3 }, { name: "group-hate", category: "NATIONALIST" });
const figures = { fired: 4, precision: [3, 4] as [number, number], recall: [3, 10] as [number, number], cleanFlagged: 1 };
const file: RuleCorpusFile = {
  about: "",
  comments: { dev: 10, test: 5, all: 15 },
  rules: { "group-hate": { fingerprint: ruleFingerprint(rule), category: "NATIONALIST", isModel: false, splits: { dev: figures, test: figures, all: figures } } },
};

describe("ruleFingerprint", () => {
  it("ignores key order, severity and action, and changes with the config, kind or category", () => {
    const reordered = { ...rule, config: { within: 3, b: ["vermin"], a: ["them"] }, severity: 5, action: "HOLD" as const };
    expect(ruleFingerprint(reordered)).toBe(ruleFingerprint(rule));
    expect(ruleFingerprint({ ...rule, config: { a: ["them"], b: ["vermin"], within: 4 } })).not.toBe(ruleFingerprint(rule));
    expect(ruleFingerprint({ ...rule, category: "ABUSIVE" })).not.toBe(ruleFingerprint(rule));
  });
});

describe("ruleCorpusStatus", () => {
  it("shows the recorded figures of an unchanged rule, flags an edited one, and knows an unmeasured one", () => {
    expect(ruleCorpusStatus(file, rule)).toMatchObject({ state: "measured", figures, comments: 15 });
    expect(ruleCorpusStatus(file, { ...rule, config: { a: ["them"], b: ["vermin", "rats"], within: 3 } }).state).toBe("edited");
    expect(ruleCorpusStatus(file, { ...rule, name: "new-rule" }).state).toBe("not-measured");
  });
});
