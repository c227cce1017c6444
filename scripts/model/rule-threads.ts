// Where each hand-written rule's dev hits come from, and the rules' leave-threads-out figures.
// A rule written on dev looks better on dev than it is: a rule (or one matched phrase of it) whose
// hostile hits all come from one or two threads is likely fitted to those threads. Leave-threads-out:
// the corpus dev split is cut into the trainer's 5 thread-grouped folds, and a rule's hit in one fold
// counts only when the same rule also catches a hostile comment in another fold, i.e. when there is
// evidence, outside the thread, that it generalises. Prints counts, rule names and thread ids, never text.
//
//   node bin/run-ts.mjs scripts/model/rule-threads.ts [--split dev|test] [--spans]
import { defaultRulePack } from "@/lib/rules/default-pack";
import { scoreRecords } from "@/lib/detect/quality/evaluate-labelled";
import { HOSTILE_CATEGORIES, isCleanRecord, isHostileRecord } from "@/lib/detect/quality/labelled-record";
import { readCorpusSplit } from "@/lib/quality/quality-sources";
import { foldOfThread } from "./thread-folds";

const split = process.argv.includes("--split") && process.argv[process.argv.indexOf("--split") + 1] === "test" ? "test" : "dev";
const rules = defaultRulePack().map((rule, index) => ({ ...rule, id: `default-${index}`, version: 1 }));
const records = readCorpusSplit(split);
const { scored } = scoreRecords(rules, records, "rules");

interface Hits { hostileThreads: Map<string, number>; hostileFolds: Set<number>; clean: number; other: number }
const byRule = new Map<string, Hits>();
const hitsOf = (name: string) => {
  let hits = byRule.get(name);
  if (!hits) { hits = { hostileThreads: new Map(), hostileFolds: new Set(), clean: 0, other: 0 }; byRule.set(name, hits); }
  return hits;
};
for (const { record, flags } of scored) {
  for (const flag of flags) {
    const hits = hitsOf(flag.ruleName);
    if (isHostileRecord(record) && HOSTILE_CATEGORIES.includes(flag.category)) {
      hits.hostileThreads.set(record.thread, (hits.hostileThreads.get(record.thread) ?? 0) + 1);
      hits.hostileFolds.add(foldOfThread(record.thread));
    } else if (isCleanRecord(record)) hits.clean++;
    else hits.other++;
  }
}

console.log(`${split}: rule, hostile hits (threads, folds), clean hits, other labelled hits`);
for (const [name, hits] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
  const hostile = [...hits.hostileThreads.values()].reduce((a, b) => a + b, 0);
  const narrow = hostile > 0 && hits.hostileThreads.size <= 2 ? "  <- one or two threads" : "";
  console.log(`${name.padEnd(34)} ${String(hostile).padStart(3)} (${hits.hostileThreads.size} threads, ${hits.hostileFolds.size} folds)  clean ${hits.clean}  other ${hits.other}${narrow}`);
  if (narrow) console.log(`    ${[...hits.hostileThreads.keys()].join(", ")}`);
}

// Leave-threads-out: a hostile catch counts only if some rule that fired on it also caught hostility in another fold.
let hostile = 0, caught = 0, caughtHeldOut = 0, clean = 0, cleanFlagged = 0;
for (const { record, flags } of scored) {
  const hostileFlags = flags.filter((flag) => HOSTILE_CATEGORIES.includes(flag.category));
  if (isHostileRecord(record)) {
    hostile++;
    if (hostileFlags.length > 0) caught++;
    const fold = foldOfThread(record.thread);
    if (hostileFlags.some((flag) => [...byRule.get(flag.ruleName)!.hostileFolds].some((f) => f !== fold))) caughtHeldOut++;
  }
  if (isCleanRecord(record)) { clean++; if (flags.length > 0) cleanFlagged++; }
}
console.log(`rules on ${split}: hostile recall ${(caught / hostile).toFixed(3)} (${caught}/${hostile}), leave-threads-out ${(caughtHeldOut / hostile).toFixed(3)} (${caughtHeldOut}/${hostile}); clean flagged ${(cleanFlagged / clean).toFixed(3)} (${cleanFlagged}/${clean})`);
