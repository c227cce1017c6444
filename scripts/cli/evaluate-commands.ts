import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { evaluateLabelled } from "@/lib/detect/quality/evaluate-labelled";
import { evaluateHateCheck } from "@/lib/detect/quality/hatecheck";
import { thresholdCurve } from "@/lib/detect/quality/threshold-curve";
import { RULE_SPLITS, rulesForSplit, type RuleSplit } from "@/lib/detect/quality/rule-split";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import type { RuleDefinition } from "@/lib/detect/types";
import type { ExtraFlags } from "@/lib/detect/quality/evaluate-labelled";
import { formatCurve, formatHateCheckReports, formatQualityReports } from "@/lib/quality/format-report";
import { CORPUS_SPLITS, HATECHECK_SUITES, corpusSplitPath, readHateCheck, readLabelledFile, type CorpusSplit, type HateCheckSuite } from "@/lib/quality/quality-sources";
import { defaultPackDefinitions } from "@/lib/quality/rule-sources";
import { printable, warn, writeData } from "../lib/output";
import { withDatabase } from "../lib/with-database";

const USAGE = `usage: moddesk evaluate (--labels FILE | --corpus dev|test | --hatecheck en|hi) [--split rules|model|both] [--pack default] [--json] [--errors N] [--curve]`;

/**
 * `moddesk evaluate`: the rules, the model and both over labelled comments (docs/quality.md).
 * With --pack default it runs the built-in pack and needs no database (CI); otherwise the
 * installation's stored rules (the default pack when none are stored yet).
 */
export async function evaluateCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      labels: { type: "string" }, corpus: { type: "string" }, hatecheck: { type: "string" },
      split: { type: "string" }, pack: { type: "string" }, json: { type: "boolean" }, errors: { type: "string" }, curve: { type: "boolean" },
    },
  });
  const sources = [values.labels, values.corpus, values.hatecheck].filter((value) => value !== undefined);
  if (positionals.length > 0 || sources.length !== 1) throw new AppError("INVALID", USAGE);
  if (values.split !== undefined && !(RULE_SPLITS as readonly string[]).includes(values.split)) throw new AppError("INVALID", `--split must be one of ${RULE_SPLITS.join(", ")} (got '${values.split}')`);
  if (values.corpus !== undefined && !(CORPUS_SPLITS as readonly string[]).includes(values.corpus)) throw new AppError("INVALID", `--corpus must be one of ${CORPUS_SPLITS.join(", ")} (got '${values.corpus}')`);
  if (values.hatecheck !== undefined && !(values.hatecheck in HATECHECK_SUITES)) throw new AppError("INVALID", `--hatecheck must be one of ${Object.keys(HATECHECK_SUITES).join(", ")} (got '${values.hatecheck}')`);
  if (values.pack !== undefined && values.pack !== "default") throw new AppError("INVALID", `--pack takes only 'default' (the built-in pack; got '${values.pack}')`);
  const errors = values.errors === undefined ? 15 : Number(values.errors);
  if (!Number.isInteger(errors) || errors < 0) throw new AppError("INVALID", `--errors must be a whole number (got '${values.errors}')`);
  const splits: RuleSplit[] = values.split ? [values.split as RuleSplit] : [...RULE_SPLITS];

  // extraFlags: what the installation's EXTERNAL rules' endpoints answered for these comments.
  const run = (rules: RuleDefinition[], ruleSource: string, extraFlags?: ExtraFlags) => {
    if (values.hatecheck !== undefined) {
      const suite = values.hatecheck as HateCheckSuite;
      const cases = readHateCheck(suite);
      const reports = splits.map((split) => {
        const set = compileRules(rulesForSplit(rules, split));
        const names = new Set(rulesForSplit(rules, split).map((rule) => rule.name));
        const external = (context: Parameters<ExtraFlags>[0]) => (extraFlags ? extraFlags(context).filter((flag) => names.has(flag.ruleName)) : []);
        return { split, report: evaluateHateCheck(cases, (context) => [...evaluateComment(set, context), ...external(context)]) };
      });
      if (values.json) return print({ suite, ruleSource, reports });
      return print(`${formatHateCheckReports(reports, { suite: `${suite} (${cases.length} cases, ${ruleSource})`, errors })}\n`);
    }
    const filePath = values.labels ?? corpusSplitPath(values.corpus as CorpusSplit);
    const records = readLabelledFile(filePath);
    if (values.curve) {
      const curve = thresholdCurve(rules, records);
      if (values.json) return print({ labels: filePath, ruleSource, curve });
      return print(`${formatCurve(curve, `${filePath} (${ruleSource})`)}\n`);
    }
    const reports = splits.map((split) => ({ split, report: evaluateLabelled(rules, records, split, extraFlags) }));
    if (values.json) return print({ labels: filePath, ruleSource, reports });
    return print(`${formatQualityReports(reports, { source: `${filePath} (${ruleSource})`, errors })}\n`);
  };

  if (values.pack === "default") return run(defaultPackDefinitions(), "default pack");
  await withDatabase(async () => {
    const { loadStoredRuleDefinitions } = await import("@/lib/quality/stored-rules");
    const stored = await loadStoredRuleDefinitions();
    if (stored.length === 0) warn("(this database has no rules yet: evaluating the default pack)");
    const extraFlags = await scoreWithEndpoints(stored, values.hatecheck !== undefined ? readHateCheck(values.hatecheck as HateCheckSuite).map((testCase) => testCase.text) : values.curve ? [] : readLabelledFile(values.labels ?? corpusSplitPath(values.corpus as CorpusSplit)).map((record) => record.text));
    run(stored.length > 0 ? stored : defaultPackDefinitions(), stored.length > 0 ? "this installation's rules" : "default pack", extraFlags);
  });
}

/** The installation's EXTERNAL rules score the texts first (batched calls); none: no extra flags. */
async function scoreWithEndpoints(stored: RuleDefinition[], texts: string[]): Promise<ExtraFlags | undefined> {
  if (!stored.some((rule) => rule.kind === "EXTERNAL") || texts.length === 0) return undefined;
  const { loadExternalRules } = await import("@/lib/external-classifier/external-rules");
  const { scoreTextsExternally } = await import("@/lib/external-classifier/score-texts");
  return scoreTextsExternally(await loadExternalRules(), texts, (line) => warn(`(${line})`));
}

// The report quotes the labelled texts it got wrong (--errors): escaped like every printed line;
// --json is data, escaped only on a terminal.
function print(output: string | object): void {
  if (typeof output === "string") process.stdout.write(printable(output));
  else writeData(`${JSON.stringify(output, null, 2)}\n`);
}
