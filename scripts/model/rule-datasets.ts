// The hand-written rules on public labelled abuse data from other sites (../shared: TRAC-1 Facebook
// comments on Indian news pages, RUHSOLD Roman Urdu tweets, Davidson English tweets): for each rule,
// how many hostile and how many non-hostile rows it fires on. A rule or term that fires on many
// non-hostile rows elsewhere is not general, however clean it looks on the corpus it was written on.
// Prints counts and rule names; with --terms, also the matched words of rows labelled non-hostile
// (normalized, a few letters each: vocabulary of the pack, not text of the data). Then, for every row
// whatever its label (none of these sets labels spam), how many each SPAM rule fires on: read its hits
// to judge whether they are adverts.
//
//   node bin/run-ts.mjs scripts/model/rule-datasets.ts [--terms]
import path from "node:path";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { HOSTILE_CATEGORIES } from "@/lib/detect/quality/labelled-record";
import { defaultRulePack } from "@/lib/rules/default-pack";
import { corpusDir, datasetsDir, requireFile } from "./cross-validate";
import { readDavidson, readRuhsold, readTrac1, type LabelledText } from "./training-sources";

const rules = defaultRulePack().filter((rule) => rule.kind !== "CLASSIFIER").map((rule, index) => ({ ...rule, id: `default-${index}`, version: 1 }));
const set = compileRules(rules);
const showTerms = process.argv.includes("--terms");

// A row is hostile when either head's target is 1, clean when both are 0 or unknown with one 0; others are skipped.
const sources: [string, LabelledText[]][] = [
  ["trac1", readTrac1(requireFile(path.join(corpusDir, "raw", "trac1")), Number.NaN)],
  ["ruhsold", readRuhsold(requireFile(path.join(datasetsDir, "ruhsold-roman-urdu")))],
  ["davidson", readDavidson(requireFile(path.join(datasetsDir, "davidson-hate-offensive")))],
];

for (const [name, rows] of sources) {
  const perRule = new Map<string, { hostile: number; clean: number }>();
  const cleanTerms = new Map<string, number>();
  let hostile = 0, clean = 0, caught = 0, flaggedClean = 0;
  const spamRows = new Map<string, number>();
  for (const row of rows) {
    const allFlags = evaluateComment(set, { body: row.text });
    for (const rule of new Set(allFlags.filter((flag) => flag.category === "SPAM").map((flag) => flag.ruleName))) spamRows.set(rule, (spamRows.get(rule) ?? 0) + 1);
    const isHostile = row.targets.some((t) => t === 1);
    const isClean = !isHostile && row.targets.some((t) => t === 0) && !row.targets.some((t) => t > 0);
    if (!isHostile && !isClean) continue;
    const flags = allFlags.filter((flag) => HOSTILE_CATEGORIES.includes(flag.category));
    if (isHostile) { hostile++; if (flags.length > 0) caught++; } else { clean++; if (flags.length > 0) flaggedClean++; }
    for (const flag of flags) {
      const counts = perRule.get(flag.ruleName) ?? { hostile: 0, clean: 0 };
      if (isHostile) counts.hostile++; else counts.clean++;
      perRule.set(flag.ruleName, counts);
      if (isClean && showTerms) for (const [start, end] of flag.spans) {
        const term = `${flag.ruleName}: ${row.text.slice(start, end).toLowerCase().slice(0, 24)}`;
        cleanTerms.set(term, (cleanTerms.get(term) ?? 0) + 1);
      }
    }
  }
  console.log(`${name}: hostile caught ${caught}/${hostile} (${(caught / hostile).toFixed(3)}), non-hostile flagged ${flaggedClean}/${clean} (${(flaggedClean / clean).toFixed(3)})`);
  for (const [rule, counts] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${rule.padEnd(34)} hostile ${String(counts.hostile).padStart(5)}  non-hostile ${String(counts.clean).padStart(4)}  precision ${(counts.hostile / (counts.hostile + counts.clean)).toFixed(2)}`);
  }
  console.log(`  rows flagged as spam, of ${rows.length}: ${[...spamRows].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `${rule} ${n}`).join(", ") || "none"}`);
  if (showTerms) for (const [term, count] of [...cleanTerms].filter(([, c]) => c >= 3).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`    ${count}  ${term}`);
}
