// Whether word overlap can tell an off-topic comment from a clean one on threads it was not chosen
// on (flags11, docs/quality.md). For every dev comment: the share of its content words (the
// OFF_TOPIC rule's own stems) found in its context, plain or weighted by how rare a word is in
// public text (IDF from the Davidson and RUHSOLD rows, MIT-licensed, computed here and never
// stored), against three contexts: the title, the title and the parent, and the title, the parent
// and every other comment of the thread. Then thread-grouped CV: for each fold, the (minWords,
// maxShare) pair with the best caught − 2 × clean on the other folds (none when nothing beats
// silence), applied to the held-out fold. Also counts near-identical comments within a thread
// (copy-paste). Prints counts and thread counts, never text.
//
//   node bin/run-ts.mjs scripts/model/off-topic-signals.ts [--script=latin|all]
import { TextNormalizer } from "@/lib/detect/normalizer-core";
import { forEachContentStem } from "@/lib/detect/content-stems";
import { isCleanRecord, type LabelledRecord } from "@/lib/detect/quality/labelled-record";
import { datasetsDir, readCorpusSplit } from "@/lib/quality/quality-sources";
import path from "node:path";
import { readDavidson, readRuhsold } from "./training-sources";
import { FOLDS, foldOfThread } from "./thread-folds";
import sample from "@/test/fixtures/rules/sample-thread.json";

const onlyLatin = !process.argv.includes("--script=all");
const normalizer = new TextNormalizer();
function stems(text: string): number[] {
  normalizer.run(text);
  const out: number[] = [];
  forEachContentStem(normalizer, (stem) => out.push(stem));
  return out;
}

const background = [...readDavidson(path.join(datasetsDir(), "davidson-hate-offensive")),
  ...readRuhsold(path.join(datasetsDir(), "ruhsold-roman-urdu"))];
const documentFrequency = new Map<number, number>();
for (const row of background) for (const stem of new Set(stems(row.text))) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
const idf = (stem: number) => Math.log((background.length + 1) / ((documentFrequency.get(stem) ?? 0) + 1));

type Kind = "off-topic" | "clean" | "other";
interface Row { kind: Kind; fold: number; words: number; shares: Record<string, number> }
const records = readCorpusSplit("dev");
const byThread = new Map<string, LabelledRecord[]>();
for (const record of records) byThread.set(record.thread, [...(byThread.get(record.thread) ?? []), record]);

const rows: Row[] = [];
for (const record of records) {
  if (onlyLatin && record.lang !== "latin") continue;
  const words = stems(record.text);
  if (words.length === 0) continue;
  const title = new Set(stems(record.article?.title ?? ""));
  const parent = new Set([...title, ...stems(record.parent ?? "")]);
  const thread = new Set([...parent, ...(byThread.get(record.thread) ?? []).filter((r) => r !== record).flatMap((r) => stems(r.text))]);
  const shares: Record<string, number> = {};
  for (const [name, context] of [["title", title], ["title+parent", parent], ["title+parent+thread", thread]] as const) {
    shares[name] = words.filter((w) => context.has(w)).length / words.length;
    const total = words.reduce((sum, w) => sum + idf(w), 0);
    shares[`${name}, idf`] = total === 0 ? 1 : words.filter((w) => context.has(w)).reduce((sum, w) => sum + idf(w), 0) / total;
  }
  const kind: Kind = record.labels.includes("off-topic") ? "off-topic" : isCleanRecord(record) ? "clean" : "other";
  rows.push({ kind, fold: foldOfThread(record.thread), words: words.length, shares });
}

const MIN_WORDS = [5, 10, 15, 20, 25];
const MAX_SHARES = [0, 0.02, 0.05, 0.1, 0.15, 0.2];
const count = (subset: Row[], variant: string, minWords: number, maxShare: number) => {
  const hit = subset.filter((row) => row.words >= minWords && row.shares[variant]! <= maxShare);
  return { caught: hit.filter((row) => row.kind === "off-topic").length, clean: hit.filter((row) => row.kind === "clean").length };
};

const offTopic = rows.filter((row) => row.kind === "off-topic").length;
const clean = rows.filter((row) => row.kind === "clean").length;
console.log(`dev${onlyLatin ? ", Latin script" : ""}: ${offTopic} off-topic, ${clean} clean comments with content words; IDF from ${background.length} public rows`);
for (const variant of Object.keys(rows[0]!.shares)) {
  // In-sample: the most off-topic comments any setting catches at <= 1, 5 and 20 clean ones (an upper bound).
  const bests = [1, 5, 20].map((budget) => {
    let best = { caught: 0, clean: 0, minWords: 0, maxShare: 0 };
    for (const minWords of MIN_WORDS) for (const maxShare of MAX_SHARES) {
      const result = count(rows, variant, minWords, maxShare);
      if (result.clean <= budget && result.caught > best.caught) best = { ...result, minWords, maxShare };
    }
    return `<= ${budget} clean: ${best.caught} caught, ${best.clean} clean`;
  });
  let cvCaught = 0, cvClean = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = rows.filter((row) => row.fold !== fold);
    let chosen: { minWords: number; maxShare: number } | null = null, bestGain = 0;
    for (const minWords of MIN_WORDS) for (const maxShare of MAX_SHARES) {
      const result = count(train, variant, minWords, maxShare);
      const gain = result.caught - 2 * result.clean;
      if (gain > bestGain) { bestGain = gain; chosen = { minWords, maxShare }; }
    }
    if (chosen === null) continue;
    const held = count(rows.filter((row) => row.fold === fold), variant, chosen.minWords, chosen.maxShare);
    cvCaught += held.caught;
    cvClean += held.clean;
  }
  console.log(`${variant.padEnd(26)} in-sample ${bests.join("; ")} | dev-CV ${cvCaught}/${offTopic} caught, ${cvClean}/${clean} clean`);
}

// Copy-paste: two comments of one thread sharing most of their three-word runs.
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.slice(2).map((word, i) => `${words[i]} ${words[i + 1]} ${word}`));
}
const similar = [0.5, 0.8].map((threshold) => {
  let pairs = 0;
  const labelled = new Map<string, number>();
  for (const thread of byThread.values()) {
    const sets = thread.map((record) => shingles(record.text));
    for (let a = 0; a < thread.length; a++) for (let b = a + 1; b < thread.length; b++) {
      const union = new Set([...sets[a]!, ...sets[b]!]).size;
      const shared = [...sets[a]!].filter((s) => sets[b]!.has(s)).length;
      if (union === 0 || shared / union < threshold) continue;
      pairs++;
      for (const record of [thread[a]!, thread[b]!]) {
        const key = record.labels.length === 0 ? "clean" : record.labels.join("+");
        labelled.set(key, (labelled.get(key) ?? 0) + 1);
      }
    }
  }
  return `>= ${threshold}: ${pairs} pairs (${[...labelled].map(([k, v]) => `${k} ${v}`).join(", ") || "no comment"})`;
});
console.log(`near-identical comments in one thread (three-word runs shared), all scripts: ${similar.join("; ")}`);

// The demo thread (a full article body, data/demo/): where the four rants fall among its comments.
const RANTS = ["Exactly, when there are hundreds of farmers in India", "USA doesn’t provide us enough cobra gunships",
  "I’m sure the last word we would see would be India", "When there are millions of Pakistanis without food"];
const article = new Set(stems(sample.article));
const bodyByAuthor = new Map(sample.comments.flatMap((c) => (c.author === null ? [] : [[c.author, c.body] as const])));
const demo = sample.comments.flatMap((comment) => {
  const words = stems(comment.body);
  if (words.length === 0) return [];
  const parent = "replyToAuthor" in comment && typeof comment.replyToAuthor === "string" ? bodyByAuthor.get(comment.replyToAuthor) ?? "" : "";
  const context = new Set([...article, ...stems(parent)]);
  const total = words.reduce((sum, w) => sum + idf(w), 0);
  const weighted = words.filter((w) => context.has(w)).reduce((sum, w) => sum + idf(w), 0) / total;
  return [{ rant: RANTS.some((prefix) => comment.body.startsWith(prefix)), words: words.length, share: words.filter((w) => context.has(w)).length / words.length, weighted }];
}).sort((a, b) => a.weighted - b.weighted);
console.log("demo thread, by IDF-weighted share of content words in the article or parent (lowest first):");
console.log(demo.map((row) => `${row.rant ? "RANT" : "on-topic"} ${row.words}w ${row.share.toFixed(2)}/${row.weighted.toFixed(2)}`).join(", "));
