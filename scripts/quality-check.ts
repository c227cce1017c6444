// `npm run quality:check [-- --record]`: the default pack (every enabled rule, model included) on
// the corpus's test split and both HateCheck suites, each figure held against quality/floors.json.
// --record writes the current figures as the floors, and each rule's corpus figures to
// quality/rule-figures.json (shown on the Rules page), and the shares right on the project's written
// cases that npm test holds (lib/quality/guideline-cases.test.ts). Needs ../shared (MODDESK_CORPUS).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { evaluateLabelled } from "@/lib/detect/quality/evaluate-labelled";
import { evaluateHateCheck } from "@/lib/detect/quality/hatecheck";
import { ruleFingerprint } from "@/lib/detect/quality/rule-fingerprint";
import { projectRoot } from "@/lib/env";
import { evasionShare, guidelineGroupShares } from "@/lib/quality/guideline-case-shares";
import { QUALITY_TARGETS, checkFloors, corpusFigures, floorsFromFigures, hateCheckFigures, type FloorsFile, type QualityFigure } from "@/lib/quality/quality-figures";
import { ruleCorpusFile, type RuleCorpusFile } from "@/lib/quality/rule-corpus-figures";
import { corpusDir, corpusSplitPath, datasetsDir, readCorpusSplit, readHateCheck } from "@/lib/quality/quality-sources";
import { defaultPackDefinitions } from "@/lib/quality/rule-sources";
import { fail, say } from "./lib/output";

const FLOORS_FILE = path.join(projectRoot, "quality/floors.json");
const RULE_FIGURES_FILE = path.join(projectRoot, "quality/rule-figures.json");
const { values } = parseArgs({ options: { record: { type: "boolean" } } });

function measure(): { figures: QualityFigure[]; ruleFile: RuleCorpusFile } {
  const rules = defaultPackDefinitions();
  const dev = readCorpusSplit("dev");
  const test = readCorpusSplit("test");
  const testReport = evaluateLabelled(rules, test, "both");
  const devReport = evaluateLabelled(rules, dev, "both");
  const allReport = evaluateLabelled(rules, [...dev, ...test], "both");
  const set = compileRules(rules);
  const evaluate = (context: Parameters<typeof evaluateComment>[1]) => evaluateComment(set, context);
  const figures = [
    ...corpusFigures("test", testReport),
    ...hateCheckFigures("hatecheck-en", evaluateHateCheck(readHateCheck("en"), evaluate)),
    ...hateCheckFigures("hatecheck-hi", evaluateHateCheck(readHateCheck("hi"), evaluate)),
  ];
  const ruleFile = ruleCorpusFile(rules.filter((rule) => rule.enabled), { dev: devReport.rules, test: testReport.rules, all: allReport.rules }, { dev: dev.length, test: test.length, all: dev.length + test.length });
  return { figures, ruleFile };
}

const show = (value: number | null | undefined) => (value === null || value === undefined ? "–" : value.toFixed(4));

function main(): void {
  if (!existsSync(corpusSplitPath("test"))) {
    throw new Error(`quality:check needs the labelled corpus: ${corpusDir()} has no test.jsonl. CI always has ../shared beside the repo; elsewhere set MODDESK_CORPUS (and MODDESK_DATASETS, now ${datasetsDir()}).`);
  }
  const { figures, ruleFile } = measure();
  const groups = guidelineGroupShares(defaultPackDefinitions());
  const evasion = evasionShare(defaultPackDefinitions());
  say(`Written cases (held by npm test): ${groups.map((group) => `${group.name} ${group.right}/${group.total}`).join(", ")}; evasion spellings scoring like the plain text ${evasion.same}/${evasion.total}.\n`);
  if (values.record) {
    const writtenCases = { groups: Object.fromEntries(groups.map((group) => [group.name, group.right / group.total])), evasion: evasion.same / evasion.total };
    const next = floorsFromFigures(figures, "Quality floors (min) and ceilings (max) held by npm run quality:check (figures) and npm test (writtenCases); rewrite with npm run quality:check -- --record. See docs/quality.md.", writtenCases);
    for (const line of loweredFloors(next)) say(`lowered: ${line}`);
    writeFileSync(FLOORS_FILE, `${JSON.stringify(next, null, 2)}\n`);
    writeFileSync(RULE_FIGURES_FILE, `${JSON.stringify(ruleFile, null, 2)}\n`);
    say(`Recorded ${figures.filter((figure) => figure.value !== null).length} figures in ${path.relative(projectRoot, FLOORS_FILE)} and ${Object.keys(ruleFile.rules).length} rules' corpus figures in ${path.relative(projectRoot, RULE_FIGURES_FILE)}.`);
    return;
  }
  if (!existsSync(FLOORS_FILE)) throw new Error(`${path.relative(projectRoot, FLOORS_FILE)} is missing: record the floors with npm run quality:check -- --record`);
  const floors = JSON.parse(readFileSync(FLOORS_FILE, "utf8")) as FloorsFile;
  const checks = checkFloors(figures, floors.figures);
  for (const { figure, floor, outcome } of checks) {
    const bound = floor ? `${floor.direction === "min" ? "floor" : "ceiling"} ${show(floor.value)}` : "no floor";
    say(`${outcome === "fail" ? "FAIL" : outcome === "pass" ? "ok  " : "--  "} ${figure.label.padEnd(52)} ${show(figure.value).padStart(7)}   ${bound}${QUALITY_TARGETS[figure.key] !== undefined ? `, target ${show(QUALITY_TARGETS[figure.key])}` : ""}${outcome === "unmeasured" ? " (not measurable on this data: nothing flagged or labelled)" : ""}`);
  }
  const stale = defaultPackDefinitions().filter((rule) => rule.enabled && ruleFile.rules[rule.name] && readRecordedFingerprint(rule.name) !== ruleFingerprint(rule));
  if (stale.length > 0) say(`\nquality/rule-figures.json is stale for ${stale.map((rule) => rule.name).join(", ")}: npm run quality:check -- --record`);
  const failures = checks.filter((check) => check.outcome === "fail");
  if (failures.length > 0) {
    throw new Error(`quality dropped below the recorded floors:\n${failures.map(({ figure, floor }) => `- ${figure.label}: ${show(figure.value)} is ${floor!.direction === "min" ? "below its floor" : "above its ceiling"} ${show(floor!.value)}`).join("\n")}\nFix the rules, or, if the change is deliberate and the figure worth the trade, re-record with npm run quality:check -- --record and say why in the commit.`);
  }
  say(`\nquality:check: ${checks.filter((check) => check.outcome === "pass").length} figures at or past their floors.`);
}

/** Floors the new record makes worse than the committed ones, so a re-record that gives quality away is seen. */
function loweredFloors(next: FloorsFile): string[] {
  if (!existsSync(FLOORS_FILE)) return [];
  const previous = JSON.parse(readFileSync(FLOORS_FILE, "utf8")) as Partial<FloorsFile>;
  const lines: string[] = [];
  for (const [key, floor] of Object.entries(previous.figures ?? {})) {
    const now = next.figures[key];
    if (!now) lines.push(`${key}: no longer measurable (was ${show(floor.value)})`);
    else if (floor.direction === "min" ? now.value < floor.value : now.value > floor.value) lines.push(`${key}: ${show(floor.value)} -> ${show(now.value)}`);
  }
  for (const [name, share] of Object.entries(previous.writtenCases?.groups ?? {})) {
    const now = next.writtenCases.groups[name];
    if (now !== undefined && now < share) lines.push(`written cases, ${name}: ${show(share)} -> ${show(now)}`);
  }
  if (previous.writtenCases && next.writtenCases.evasion < previous.writtenCases.evasion) lines.push(`written cases, evasion: ${show(previous.writtenCases.evasion)} -> ${show(next.writtenCases.evasion)}`);
  return lines;
}

function readRecordedFingerprint(name: string): string | undefined {
  if (!existsSync(RULE_FIGURES_FILE)) return undefined;
  return (JSON.parse(readFileSync(RULE_FIGURES_FILE, "utf8")) as RuleCorpusFile).rules[name]?.fingerprint;
}

try {
  main();
} catch (error) {
  fail(error);
}
