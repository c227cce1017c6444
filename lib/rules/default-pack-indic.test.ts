import { describe, expect, it } from "vitest";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { defaultRulePack } from "./default-pack";

// Hindi in Devanagari and Urdu in Arabic script, on sentences written for this test.
const set = compileRules(defaultRulePack().filter((rule) => rule.kind !== "CLASSIFIER").map((rule, index) => ({ ...rule, id: `default-${index}`, version: 1 })));
const flagsOf = (body: string) => evaluateComment(set, { body });
const rulesOf = (body: string) => flagsOf(body).map((flag) => flag.ruleName);

describe("Devanagari and Urdu script", () => {
  it.each([
    "तुम एक नंबर के कमीने हो",
    "ये हरामखोर नेता फिर आ गया",
    "चुप कर उल्लू के पट्ठे",
    "تم بہت کمینے ہو",
    "یہ بے غیرت لوگ پھر آ گئے",
  ])("flags abuse: %s", (body) => {
    expect(rulesOf(body)).toContain("abusive-devanagari-urdu-insults");
  });

  it.each([
    "ये कटुए कभी नहीं सुधरेंगे",
    "सारे अंधभक्त यहाँ आ गए",
    "पाकिस्तान मुर्दाबाद!",
    "ہندوستان مردہ باد",
  ])("flags slurs and 'X murdabad': %s", (body) => {
    expect(rulesOf(body)).toContain("nationalist-devanagari-urdu-slurs");
  });

  it("reads a nukta letter precomposed, decomposed or left out", () => {
    for (const body of ["साला भ\u095Cवा", "साला भड\u093Cवा", "साला भडवा"]) expect(rulesOf(body)).toContain("abusive-devanagari-urdu-insults");
  });

  it("highlights the word itself, not the space before it", () => {
    const body = "तुम कमीने हो";
    const flag = flagsOf(body).find((found) => found.ruleName === "abusive-devanagari-urdu-insults");
    expect(flag?.spans.map(([start, end]) => body.slice(start, end))).toEqual(["कमीने"]);
  });

  it.each([
    "हराम का पैसा किसी काम का नहीं", // haram (forbidden), not harami
    "भारत और पाकिस्तान के बीच बातचीत फिर शुरू होगी",
    "यह किताब बहुत अच्छी है", // nothing
    "یہ کتاب بہت اچھی ہے", // kitab (book) starts like kutta (dog)
    "سورۃ البقرہ کی تلاوت", // a surah starts like 'pig'
    "پاکستان زندہ باد", // long live, not death to
  ])("leaves ordinary text alone: %s", (body) => {
    expect(flagsOf(body)).toEqual([]);
  });
});
