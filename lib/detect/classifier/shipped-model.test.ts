import { describe, expect, it } from "vitest";
import { compileRules } from "../compile-rules";
import { evaluateComment } from "../evaluate-comment";
import { defaultClassifierRules, CLASSIFIER_THRESHOLDS } from "@/lib/rules/default-pack-classifier";
import { classifyText } from "./classify-text";

// Sentences written for this test (generic, not from any thread or dataset). Only cases the
// shipped model gets right by a wide margin: this guards against a broken model or loader, it
// does not measure quality (docs/model.md has the corpus figures).
const isFlagged = (text: string) => {
  const scores = classifyText(text);
  return scores.NATIONALIST >= CLASSIFIER_THRESHOLDS.NATIONALIST || scores.ABUSIVE >= CLASSIFIER_THRESHOLDS.ABUSIVE;
};
const set = compileRules(defaultClassifierRules().map((rule) => ({ ...rule, id: rule.name, version: 1 })));

describe("the shipped model", () => {
  it.each([
    "You are a stupid idiot and a liar",
    "Shut up you moron, nobody asked you",
    "go to hell you bastard",
    "tum log kutte ho",
  ])("flags plain abuse: %s", (text) => {
    expect(classifyText(text).ABUSIVE).toBeGreaterThan(0.9);
    expect(isFlagged(text)).toBe(true);
  });

  it.each([
    "The match was great, India batted well",
    "I think the budget is a mistake",
    "Thanks for the article, very informative",
    "Great innings by the captain today",
    "I disagree with the government on taxes",
  ])("leaves ordinary comments alone: %s", (text) => {
    expect(isFlagged(text)).toBe(false);
  });

  it.each([
    "இந்தியா நேற்று நடந்த போட்டியில் நன்றாக விளையாடியது",
    "பாகிஸ்தான் அணி இந்த தொடரில் வெற்றி பெறும் என்று நினைக்கிறேன்",
  ])("leaves an ordinary Tamil cricket comment alone: %s", (text) => {
    expect(isFlagged(text)).toBe(false);
  });

  it("scores evasive spellings like the plain ones", () => {
    expect(classifyText("Y0u are a stupid 1d10t")).toEqual(classifyText("you are a stupid idiot"));
    expect(classifyText("you are a stu\u200Bpid idiot")).toEqual(classifyText("you are a stupid idiot"));
  });

  it("explains a flag with the comment's own words, as original-text spans", () => {
    const text = "Shut up you m0r0n, nobody asked you";
    const flag = evaluateComment(set, { body: text }).find((candidate) => candidate.category === "ABUSIVE");
    expect(flag).toBeDefined();
    const highlighted = flag!.spans.map(([start, end]) => text.slice(start, end));
    expect(highlighted.join(" ")).toContain("m0r0n");
    expect(flag!.reason).toMatch(/^model: 0\.\d\d abusive — weighed most: /);
    expect(flag!.reason).toContain("m0r0n");
  });

  it("ships the composed rule disabled; enabled, it flags abusive wording only where a group is named", () => {
    const composed = defaultClassifierRules().find((rule) => rule.name === "model-abusive-at-group")!;
    expect(composed.enabled).toBe(false);
    const enabled = compileRules([{ ...composed, enabled: true, id: composed.name, version: 1 }]);
    const flagsOf = (text: string) => evaluateComment(enabled, { body: text });
    const [flag] = flagsOf("Shut up you morons, Hindus like you are all the same");
    expect(flag?.category).toBe("NATIONALIST");
    expect(flag!.reason).toMatch(/^model: 0\.\d\d abusive at 'Hindus'/);
    expect(flagsOf("Shut up you morons, you are all the same")).toEqual([]);
    expect(flagsOf("Muslims in my town organised a blood drive on Sunday")).toEqual([]);
  });
});
