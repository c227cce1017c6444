// `node bin/run-ts.mjs scripts/rules-equivalence.ts [--ref <commit>] [--generated <n>]`: the rules
// engine of this checkout against the engine of an earlier commit (default: the one the December
// speed work started from, scripts/lib/engine-at.ts; any ref works), on the labelled corpus (dev +
// test) and both HateCheck suites, read from ../shared at run time, and on generated comments with
// evasions. Both engines get the same rule definitions (the default pack, a thousand generated
// TERMS rules and one rule of every other kind) and the same model, so any difference in a flag
// (rule, category, reason, spans, score) is the engine's. Exits 1 on differences, listing the
// first ones by comment id (the flags, not the comment's text).
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { compileRuleSet } from "@/lib/detect/compile-rule-set";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { shippedModel } from "@/lib/detect/classifier/shipped-model";
import type { CommentContext, FlagResult, RuleDefinition } from "@/lib/detect/types";
import { testRule } from "@/lib/detect/test-helpers";
import { recordContext } from "@/lib/detect/quality/labelled-record";
import { HATECHECK_SUITES, corpusSplitPath, readCorpusSplit, readHateCheck, type HateCheckSuite } from "@/lib/quality/quality-sources";
import { defaultPackDefinitions } from "@/lib/quality/rule-sources";
import { mulberry32 } from "@/lib/seeded-random";
import { extraRules, generateCorpus } from "./bench/rules-bench";
import { benchComments } from "./bench/import-bench-data";
import { evasionVariants } from "./lib/evasion-variants";
import { DEFAULT_ENGINE_REF, engineAt } from "./lib/engine-at";

type Engine = (rules: readonly RuleDefinition[]) => (context: CommentContext) => FlagResult[];

const { values } = parseArgs({ options: { ref: { type: "string", default: DEFAULT_ENGINE_REF }, generated: { type: "string", default: "100000" } } });

const model = shippedModel();
const current: Engine = (rules) => {
  const set = compileRuleSet(rules, () => model);
  return (context) => evaluateComment(set, context);
};

/** One rule of every kind the default pack does not exercise the way an admin might write it. */
function kindRules(): RuleDefinition[] {
  return [
    testRule("REGEX", { pattern: "\\b(?:budget|loan) (?:deficit|debt)\\b", target: "normalized" }, { id: "r-ungated", name: "ungated normalized" }),
    testRule("REGEX", { pattern: "[A-Z]{4,}!+", target: "original" }, { id: "r-original", name: "original capitals" }),
    testRule("REGEX", { pattern: "(?:really|very) (?:bad|sad)", flags: "i", target: "original", requires: ["bad", "sad"] }, { id: "r-gated-i", name: "gated original i" }),
    testRule("OFF_TOPIC", { maxSimilarity: 0.2, minWords: 6 }, { id: "r-off", name: "off topic strict", category: "OFF_TOPIC" }),
    testRule("SHOUTING", { minLetters: 12, minUpperRatio: 0.6 }, { id: "r-shout", name: "shouting", category: "SPAM" }),
    testRule("LINKS", { maxLinks: 0 }, { id: "r-links", name: "links", category: "SPAM" }),
    testRule("REPETITION", { minRepeats: 3, minCharRun: 6 }, { id: "r-rep", name: "repetition", category: "SPAM" }),
    testRule("NEAR", { a: ["india*", "pakistan*"], b: ["fail*", "corrupt*"], within: 4 }, { id: "r-near", name: "near" }),
    testRule("CLASSIFIER", { threshold: 0.2 }, { id: "r-model-low", name: "model low", category: "NATIONALIST" }),
  ];
}

function* labelledContexts(): Generator<[string, CommentContext]> {
  if (!existsSync(corpusSplitPath("dev"))) throw new Error("the labelled corpus is not there: set MODDESK_CORPUS");
  for (const split of ["dev", "test"] as const) for (const record of readCorpusSplit(split)) yield [record.id, recordContext(record)];
}

function* hateCheckContexts(): Generator<[string, CommentContext]> {
  for (const suite of Object.keys(HATECHECK_SUITES) as HateCheckSuite[]) {
    for (const entry of readHateCheck(suite)) yield [`hatecheck-${suite}:${entry.id}`, { body: entry.text }];
  }
}

function* generatedContexts(count: number): Generator<[string, CommentContext]> {
  const random = mulberry32(7);
  for (const [index, context] of generateCorpus(random, count * 350).slice(0, count).entries()) yield [`rules-bench:${index}`, context];
  let previous = "";
  for (const comment of benchComments(count)) {
    const context: CommentContext = { body: comment.body, articleText: `${comment.articleTitle}\n`, authorName: comment.author };
    if (comment.parentId) context.parentBody = previous;
    previous = comment.body;
    yield [comment.id, context];
  }
  for (const [index, body] of evasionVariants(mulberry32(11), count / 10).entries()) yield [`evasion:${index}`, { body, articleText: "India and Pakistan talks\n" }];
}

async function main(): Promise<void> {
  const rules = [...defaultPackDefinitions(), ...kindRules(), ...extraRules(mulberry32(3))];
  const olderEngine = await engineAt(values.ref!);
  const before = olderEngine(rules, model);
  const after = current(rules);
  let compared = 0;
  let flagged = 0;
  const differences: string[] = [];
  const sources: [string, Iterable<[string, CommentContext]>][] = [["corpus", labelledContexts()], ["hatecheck", hateCheckContexts()], ["generated", generatedContexts(Number(values.generated))]];
  for (const [name, contexts] of sources) {
    for (const [id, context] of contexts) {
      const was = JSON.stringify(before(context));
      const now = JSON.stringify(after(context));
      compared++;
      if (now !== "[]") flagged++;
      if (was !== now && differences.length < 20) differences.push(`${name} ${id}:\n  before ${was}\n  after  ${now}`);
    }
  }
  console.log(`${compared} comments compared (${flagged} flagged), ${rules.length} rules, engine of ${values.ref} vs this checkout: ${differences.length === 0 ? "identical flags" : `${differences.length}+ differ`}`);
  if (differences.length > 0) {
    console.log(differences.join("\n"));
    process.exitCode = 1;
  }
}

await main();
