// Which words of real text the word rules read as a listed word misspelt, dotted or masked
// (lib/detect/misspelt-words.ts), and on which rows: dev, the public datasets and HateCheck.
// A reading common on non-hostile rows is an ordinary word (or a name) that happens to be one
// letter from a listed one: such words go in lib/detect/misspelt-real-words.ts. Prints the
// readings (a word or two each, pack vocabulary and its near misses, never a row's text).
//
//   node bin/run-ts.mjs scripts/model/misspelt-readings.ts [--top=60]
import path from "node:path";
import { compileRules } from "@/lib/detect/compile-rules";
import { matchMisspeltWords } from "@/lib/detect/misspelt-words";
import { TextNormalizer } from "@/lib/detect/normalizer-core";
import { HitList, matchTermsInto } from "@/lib/detect/term-matcher";
import { readHateCheck } from "@/lib/quality/quality-sources";
import { defaultRulePack } from "@/lib/rules/default-pack";
import { corpusDir, datasetsDir, requireFile } from "./cross-validate";
import { readCorpus, readDavidson, readRuhsold, readTrac1 } from "./training-sources";

const top = Number(process.argv.find((arg) => arg.startsWith("--top="))?.slice(6) ?? 60);
const rules = defaultRulePack().filter((rule) => rule.kind !== "CLASSIFIER").map((rule, index) => ({ ...rule, id: `default-${index}`, version: 1 }));
const set = compileRules(rules);
const normalizer = new TextNormalizer();
const hits = new HitList();

const isHostile = (targets: readonly number[]) => targets.some((target) => target === 1);
const rows: { source: string; text: string; hostile: boolean }[] = [
  ...readCorpus(path.join(corpusDir, "dev.jsonl")).map((row) => ({ source: "dev", text: row.text, hostile: isHostile(row.targets) })),
  ...(["en", "hi"] as const).flatMap((suite) => readHateCheck(suite).map((c) => ({ source: `hatecheck ${suite}`, text: c.text, hostile: c.isHateful }))),
  ...readTrac1(requireFile(path.join(corpusDir, "raw", "trac1")), Number.NaN).map((row) => ({ source: "trac1", text: row.text, hostile: isHostile(row.targets) })),
  ...readRuhsold(requireFile(path.join(datasetsDir, "ruhsold-roman-urdu"))).map((row) => ({ source: "ruhsold", text: row.text, hostile: isHostile(row.targets) })),
  ...readDavidson(requireFile(path.join(datasetsDir, "davidson-hate-offensive"))).map((row) => ({ source: "davidson", text: row.text, hostile: isHostile(row.targets) })),
];

const readings = new Map<string, { hostile: number; other: number; sources: Set<string> }>();
for (const row of rows) {
  normalizer.run(row.text);
  hits.count = 0;
  matchTermsInto(set.termMatcher, normalizer, hits);
  const exact = hits.count;
  matchMisspeltWords(set.misspelt, normalizer, row.text, hits);
  const seen = new Set<string>();
  for (let h = exact; h < hits.count; h++) {
    const found = normalizer.textOf(hits.start[h]!, hits.end[h]!);
    const term = set.termMatcher.targets[hits.pattern[h]!]![hits.target[h]!]!.term;
    const joined = found.replaceAll(" ", "");
    const kind = !found.includes(" ") ? "misspelt" : joined.length < term.replace(/\*$/, "").length ? "masked" : "dotted";
    seen.add(`${kind.padEnd(8)} ${found} → ${term}`);
  }
  for (const key of seen) {
    const counts = readings.get(key) ?? { hostile: 0, other: 0, sources: new Set<string>() };
    if (row.hostile) counts.hostile++;
    else counts.other++;
    counts.sources.add(row.source);
    readings.set(key, counts);
  }
}

const sorted = [...readings].sort((a, b) => b[1].other - a[1].other || b[1].hostile - a[1].hostile);
console.log(`${rows.length} rows, ${readings.size} distinct readings; by rows not labelled hostile:`);
for (const [key, { hostile, other, sources }] of sorted.slice(0, top)) {
  console.log(`  ${String(other).padStart(4)} other ${String(hostile).padStart(4)} hostile  ${key}  (${[...sources].join(", ")})`);
}
