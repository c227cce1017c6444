// Quality section of `npm run bench`: the default pack's hand-written rules (the baseline), its model
// rules and both together on the labelled corpus's dev and test splits and the two HateCheck suites.
// Needs ../shared (MODDESK_CORPUS); without it the section says so and measures nothing.
import { existsSync } from "node:fs";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { evaluateLabelled } from "@/lib/detect/quality/evaluate-labelled";
import { evaluateHateCheck } from "@/lib/detect/quality/hatecheck";
import { RULE_SPLITS, rulesForSplit } from "@/lib/detect/quality/rule-split";
import { formatNumber, formatShare } from "@/lib/quality/format-report";
import { CORPUS_SPLITS, HATECHECK_SUITES, corpusDir, corpusSplitPath, readCorpusSplit, readHateCheck, type HateCheckSuite } from "@/lib/quality/quality-sources";
import { defaultPackDefinitions } from "@/lib/quality/rule-sources";
import type { BenchResult } from "./bench-registry";

const SPLIT_NAMES = { rules: "rules only (baseline)", model: "model", both: "both (the queue)" } as const;

export async function runQualityBench(): Promise<BenchResult> {
  if (!existsSync(corpusSplitPath("test"))) return { name: "quality", figures: {}, lines: [`skipped: no labelled corpus at ${corpusDir()} (../shared; set MODDESK_CORPUS)`] };
  const rules = defaultPackDefinitions();
  const figures: Record<string, number> = {};
  const modelRules = rulesForSplit(rules, "model").length;
  const lines = [
    `default pack: ${rulesForSplit(rules, "both").length} enabled rules (${modelRules} model); a comment is caught when a nationalist or abusive flag fires; clean = no label`,
    `${"corpus".padEnd(6)} ${"rules".padEnd(22)} ${"hostile recall".padEnd(15)} ${"clean flagged".padEnd(15)} ${"nat. F1".padEnd(8)} ${"abus. F1".padEnd(8)} ${"off-topic P".padEnd(11)} Latin: recall / clean flagged`,
  ];
  for (const corpus of CORPUS_SPLITS) {
    const records = readCorpusSplit(corpus);
    for (const split of RULE_SPLITS) {
      const report = evaluateLabelled(rules, records, split);
      const category = (name: string) => report.all.categories.find((entry) => entry.category === name)!;
      const latin = report.byScript.find((slice) => slice.lang === "latin")?.figures;
      const key = `${corpus}.${split}`;
      figures[`${key}.hostileRecall`] = report.all.hostileRecall.value ?? 0;
      figures[`${key}.cleanFlagRate`] = report.all.cleanFlagRate.value ?? 0;
      lines.push([
        corpus.padEnd(6), SPLIT_NAMES[split].padEnd(22), formatShare(report.all.hostileRecall).padEnd(15), formatShare(report.all.cleanFlagRate).padEnd(15),
        formatNumber(category("NATIONALIST").f1).padEnd(8), formatNumber(category("ABUSIVE").f1).padEnd(8), formatNumber(category("OFF_TOPIC").precision).padEnd(11),
        latin ? `${formatShare(latin.hostileRecall)} / ${formatShare(latin.cleanFlagRate)}` : "–",
      ].join(" "));
    }
  }
  // The shipped model was trained on dev (thread-grouped cross-validation chose its thresholds), so
  // its dev rows are in-sample: only test says how it does on threads it never saw.
  lines.push("dev rows for the model and both are in-sample (the model was trained on dev); its cross-validated dev figure is in docs/model.md");
  for (const suite of Object.keys(HATECHECK_SUITES) as HateCheckSuite[]) {
    const cases = readHateCheck(suite);
    const parts = RULE_SPLITS.map((split) => {
      const set = compileRules(rulesForSplit(rules, split));
      const report = evaluateHateCheck(cases, (context) => evaluateComment(set, context));
      figures[`hatecheck-${suite}.${split}.right`] = report.right.value ?? 0;
      const worst = Math.min(...report.functionalities.map((entry) => entry.right.value ?? 1));
      return `${SPLIT_NAMES[split]} ${Math.round((report.right.value ?? 0) * 100)}% right (hateful recall ${formatNumber(report.hatefulRecall.value)}, non-hateful flagged ${formatNumber(report.nonHatefulFlagged.value)}, worst functionality ${Math.round(worst * 100)}%)`;
    });
    lines.push(`HateCheck ${suite} (${cases.length} cases): ${parts.join("; ")}`);
  }
  return { name: "quality", figures, lines };
}
