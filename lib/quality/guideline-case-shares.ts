import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { evaluateLabelled } from "@/lib/detect/quality/evaluate-labelled";
import type { LabelledRecord } from "@/lib/detect/quality/labelled-record";
import type { RuleDefinition } from "@/lib/detect/types";
import { EVASION_CASES, GUIDELINE_CASE_GROUPS, type GuidelineCaseGroup } from "./guideline-cases";

export interface GroupShare {
  name: string;
  right: number;
  total: number;
  /** The cases it got wrong, with the reasons of the flags that fired (for a test failure). */
  wrong: string[];
}

export interface EvasionShare {
  same: number;
  total: number;
  /** Each variant that flags differently from its plain sentence, as "how: ...". */
  differing: string[];
  /** Plain sentences the rules do not catch (then "the same" would prove nothing). */
  uncaughtPlain: string[];
}

function records(group: GuidelineCaseGroup): LabelledRecord[] {
  return group.cases.map((text, index) => ({
    id: `${group.name} #${index + 1}`, text, labels: group.labels, borderline: false, lang: "latin", thread: group.name,
    article: { title: "India and Pakistan: the series, the border and the vote" },
  }));
}

/** Share right per written group: caught groups need a nationalist or abusive flag, spam groups a spam flag, clean groups no flag at all. */
export function guidelineGroupShares(rules: readonly RuleDefinition[]): GroupShare[] {
  return GUIDELINE_CASE_GROUPS.map((group) => {
    const report = evaluateLabelled(rules, records(group), "both");
    const spam = report.all.categories.find((figures) => figures.category === "SPAM");
    const right = group.expect === "caught" ? report.all.hostileRecall.hits
      : group.expect === "spam" ? spam?.correct ?? 0
      : group.cases.length - report.all.cleanFlagRate.hits;
    const wrong = (group.expect === "clean" ? report.falseFlags : report.misses).map((example) =>
      `${example.record.text}${example.fired.length > 0 ? `  <- ${example.fired.map((rule) => rule.reason).join("; ")}` : ""}`);
    return { name: group.name, right, total: group.cases.length, wrong };
  });
}

/** How many evasion spellings flag the same categories as their plain sentence. */
export function evasionShare(rules: readonly RuleDefinition[]): EvasionShare {
  const set = compileRules(rules.filter((rule) => rule.enabled));
  const categories = (text: string) => [...new Set(evaluateComment(set, { body: text }).map((flag) => flag.category))].sort().join(",");
  const differing: string[] = [];
  let same = 0, total = 0;
  for (const entry of EVASION_CASES) {
    for (const variant of entry.variants) {
      total += 1;
      if (categories(variant.text) === categories(entry.plain)) same += 1;
      else differing.push(`${variant.how}: '${variant.text}' flags [${categories(variant.text)}], '${entry.plain}' flags [${categories(entry.plain)}]`);
    }
  }
  return { same, total, differing, uncaughtPlain: EVASION_CASES.map((entry) => entry.plain).filter((plain) => categories(plain) === "") };
}
