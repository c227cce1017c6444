import { describe, expect, it } from "vitest";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { evaluateLabelled } from "@/lib/detect/quality/evaluate-labelled";
import type { LabelledRecord } from "@/lib/detect/quality/labelled-record";
import { EVASION_CASES, GUIDELINE_CASE_GROUPS, type GuidelineCaseGroup } from "./guideline-cases";
import { defaultPackDefinitions } from "./rule-sources";

// Quality that `npm test` holds without ../shared: the default pack (rules and model) on sentences
// the project wrote itself, one group per distinction of the labelling guidelines. Each floor is
// the share right when it was recorded (the default pack before issue 12's work); raise a floor when
// the pack gets better, never lower one to make a change pass.
const GROUP_FLOORS: Record<string, number> = {
  "group generalization": 0.6,
  dehumanization: 0.7,
  "legitimacy denial": 0.125,
  "call for violence": 0.3,
  "religion contempt": 0.25,
  "poverty taunt": 0.5,
  "personal insult": 1,
  profanity: 1,
  "mild rudeness": 1,
  "criticism of a government, army or politician": 1,
  "counter-speech": 0.5,
  "quoting to condemn": 0.25,
  negation: 0.125,
  "fact about terrorism": 0.75,
  "patriotic pride": 1,
};
/** Share of the evasion variants that score like their plain sentence (masking with '*' and dots inside words still slip through). */
const EVASION_FLOOR = 0.9;

const rules = defaultPackDefinitions();

function records(group: GuidelineCaseGroup): LabelledRecord[] {
  return group.cases.map((text, index) => ({
    id: `${group.name} #${index + 1}`, text, labels: group.labels, borderline: false, lang: "latin", thread: group.name,
    article: { title: "India and Pakistan: the series, the border and the vote" },
  }));
}

describe("the default pack on the guideline's cases", () => {
  it("has a floor for every group and enough cases in each to make a share mean something", () => {
    expect(Object.keys(GROUP_FLOORS).sort()).toEqual(GUIDELINE_CASE_GROUPS.map((group) => group.name).sort());
    for (const group of GUIDELINE_CASE_GROUPS) expect(group.cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(GUIDELINE_CASE_GROUPS.map((group) => [group.name, group] as const))("%s: at least the recorded share right", (_name, group) => {
    const report = evaluateLabelled(rules, records(group), "both");
    // caught groups: a nationalist or abusive flag; clean groups: no flag of any kind.
    const right = group.expect === "caught" ? report.all.hostileRecall.hits : group.cases.length - report.all.cleanFlagRate.hits;
    const wrong = (group.expect === "caught" ? report.misses : report.falseFlags).map((example) =>
      `${example.record.text}${example.fired.length > 0 ? `  <- ${example.fired.map((rule) => rule.reason).join("; ")}` : ""}`);
    expect(right / group.cases.length, `${group.name}: ${right}/${group.cases.length} right; wrong:\n${wrong.join("\n")}`).toBeGreaterThanOrEqual(GROUP_FLOORS[group.name]!);
  });

  it("scores evasion spellings like the plain sentence (leetspeak, zero-width, homoglyphs, spacing)", () => {
    const set = compileRules(rules);
    const categories = (text: string) => [...new Set(evaluateComment(set, { body: text }).map((flag) => flag.category))].sort().join(",");
    let same = 0;
    const differing: string[] = [];
    const variants = EVASION_CASES.flatMap((entry) => entry.variants.map((variant) => ({ ...variant, plain: entry.plain })));
    for (const variant of variants) {
      if (categories(variant.text) === categories(variant.plain)) same += 1;
      else differing.push(`${variant.how}: '${variant.text}' flags [${categories(variant.text)}], '${variant.plain}' flags [${categories(variant.plain)}]`);
    }
    // Every plain sentence is one the pack catches, so "the same" means the evasion is caught too.
    for (const entry of EVASION_CASES) expect(categories(entry.plain), entry.plain).not.toBe("");
    expect(same / variants.length, differing.join("\n")).toBeGreaterThanOrEqual(EVASION_FLOOR);
    // The evasions the normalizer undoes today must stay undone.
    for (const how of ["zero-width", "homoglyphs", "fullwidth", "stretching", "case"]) {
      expect(differing.filter((line) => line.startsWith(`${how}:`)), how).toEqual([]);
    }
  });
});
