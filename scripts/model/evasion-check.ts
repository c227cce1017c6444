// Evasion robustness of the hand-written rules: every hostile row the rules catch (corpus dev,
// HateCheck's hateful cases, TRAC-1's overt aggression, RUHSOLD's hostile tweets) is re-spelled in
// memory the way a commenter dodges a filter, only in the words the rules matched, and evaluated
// again. A spelling the normalizer folds keeps the catch; one it misses shows as a low share.
// Prints counts per transform (and with --misses the normalized matched words that slipped, a few
// letters of pack vocabulary, never a row's text). Nothing is written anywhere.
//
//   node bin/run-ts.mjs scripts/model/evasion-check.ts [--limit=1500] [--misses]
import path from "node:path";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { HOSTILE_CATEGORIES } from "@/lib/detect/quality/labelled-record";
import { readHateCheck } from "@/lib/quality/quality-sources";
import { defaultRulePack } from "@/lib/rules/default-pack";
import { corpusDir, datasetsDir, requireFile } from "./cross-validate";
import { EVASIONS, respellSpans } from "./evasions";
import { readCorpus, readRuhsold, readTrac1 } from "./training-sources";

const limit = Number(process.argv.find((arg) => arg.startsWith("--limit="))?.slice(8) ?? 1500);
const showMisses = process.argv.includes("--misses");
const rules = defaultRulePack().filter((rule) => rule.kind !== "CLASSIFIER").map((rule, index) => ({ ...rule, id: `default-${index}`, version: 1 }));
const set = compileRules(rules);

function hostileFlags(text: string) {
  return evaluateComment(set, { body: text }).filter((flag) => HOSTILE_CATEGORIES.includes(flag.category));
}

const sources: [string, string[]][] = [
  ["corpus dev", readCorpus(path.join(corpusDir, "dev.jsonl")).filter((row) => row.targets.some((t) => t === 1)).map((row) => row.text)],
  ["hatecheck en", readHateCheck("en").filter((c) => c.isHateful).map((c) => c.text)],
  ["hatecheck hi", readHateCheck("hi").filter((c) => c.isHateful).map((c) => c.text)],
  ["trac1", readTrac1(requireFile(path.join(corpusDir, "raw", "trac1")), Number.NaN).filter((row) => row.targets[1] === 1).map((row) => row.text)],
  ["ruhsold", readRuhsold(requireFile(path.join(datasetsDir, "ruhsold-roman-urdu"))).filter((row) => row.targets.some((t) => t === 1)).map((row) => row.text)],
];

const totals = new Map<string, { kept: number; of: number }>();
const missedWords = new Map<string, number>();
for (const [name, texts] of sources) {
  const caught = texts.map((text) => ({ text, flags: hostileFlags(text) })).filter((row) => row.flags.length > 0).slice(0, limit);
  const line: string[] = [];
  for (const evasion of EVASIONS) {
    let kept = 0;
    caught.forEach((row, index) => {
      const spans = row.flags.flatMap((flag) => flag.spans);
      const respelled = respellSpans(row.text, spans, evasion, index);
      if (hostileFlags(respelled).length > 0) kept++;
      else if (showMisses) for (const [start, end] of spans) {
        const key = `${evasion.name}: ${row.text.slice(start, end).toLowerCase().slice(0, 20)}`;
        missedWords.set(key, (missedWords.get(key) ?? 0) + 1);
      }
    });
    const total = totals.get(evasion.name) ?? { kept: 0, of: 0 };
    totals.set(evasion.name, { kept: total.kept + kept, of: total.of + caught.length });
    line.push(`${evasion.name} ${kept}/${caught.length}`);
  }
  console.log(`${name} (${caught.length} caught): ${line.join(", ")}`);
}
console.log("all sources:");
for (const [name, { kept, of }] of totals) console.log(`  ${name.padEnd(22)} ${(kept / of).toFixed(3)} (${kept}/${of})`);
if (showMisses) for (const evasion of EVASIONS) {
  const top = [...missedWords].filter(([key]) => key.startsWith(`${evasion.name}:`)).sort((a, b) => b[1] - a[1]).slice(0, 6);
  for (const [word, count] of top) console.log(`    ${count}  ${word}`);
}
