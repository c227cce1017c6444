// `npm test`: every tier, in order: types (tsc), lint (ESLint), unit (pure), db (real PostgreSQL), db-debian (a
// subset of db on Debian's PostgreSQL, another major version), e2e (Playwright against a production build in
// Debian's Chromium), tools (quick bench and load test runs).
// Prints one closing line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "@/lib/env";

type Tier = "types" | "lint" | "unit" | "db" | "db-debian" | "e2e" | "tools";
interface Outcome {
  tier: Tier;
  passed: number;
  failed: number;
  crashed: boolean;
}

const RESULTS_DIR = path.join(projectRoot, ".moddesk-test");
const bin = (relative: string) => path.join(projectRoot, "node_modules", relative);

function run(command: string[], env: Record<string, string> = {}): number {
  const [executable, ...args] = command;
  const result = spawnSync(executable ?? process.execPath, args, { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

/**
 * The database tests run a second time on Debian's PostgreSQL (15 on bookworm; the embedded server is 18):
 * the files that touch what differs between versions or what a user's own server must allow: migrations,
 * production roles, decisions, import with COPY, exports, the audit chain, pg-boss jobs, PgBouncer.
 * A subset, because the whole tier twice would double the db tier's time (docs/testing.md has the figures).
 */
const DEBIAN_POSTGRES_FILES = [
  "lib/db/migrations.db.test.ts",
  "test/db/production-roles.db.test.ts",
  "lib/moderation/decide-comment.db.test.ts",
  "test/import/import-idempotence.db.test.ts",
  "test/import/import-rules.db.test.ts",
  "lib/export/decision-export.db.test.ts",
  "lib/export/decision-export-cursor.db.test.ts",
  "lib/audit/audit-log.db.test.ts",
  "lib/jobs/rule-rerun-job.db.test.ts",
  "lib/jobs/suggestion-job.db.test.ts",
  "test/db/pgbouncer.db.test.ts",
];

function runVitest(tier: "unit" | "db" | "db-debian" | "tools"): Outcome {
  const outputFile = path.join(RESULTS_DIR, `${tier}.json`);
  rmSync(outputFile, { force: true });
  const isDebian = tier === "db-debian";
  const status = run(
    [process.execPath, bin("vitest/vitest.mjs"), "run", "--project", isDebian ? "db" : tier, ...(isDebian ? DEBIAN_POSTGRES_FILES : []), "--reporter=default", "--reporter=json", `--outputFile.json=${outputFile}`],
    isDebian ? { MODDESK_TEST_POSTGRES: "debian" } : {},
  );
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; success: boolean }>(outputFile);
  if (!report) return { tier, passed: 0, failed: 0, crashed: true };
  return { tier, passed: report.numPassedTests, failed: report.numFailedTests, crashed: status !== 0 && report.numFailedTests === 0 };
}

function runTypecheck(): Outcome {
  const status = run([process.execPath, bin("typescript/bin/tsc"), "--noEmit", "-p", "."]);
  if (status === 0) process.stdout.write("tsc: no type errors\n");
  return { tier: "types", passed: 0, failed: 0, crashed: status !== 0 };
}

function runLint(): Outcome {
  const status = run([process.execPath, bin("eslint/bin/eslint.js"), ".", "--max-warnings=0"]);
  if (status === 0) process.stdout.write("eslint: no problems\n");
  return { tier: "lint", passed: 0, failed: 0, crashed: status !== 0 };
}

function runPlaywright(): Outcome {
  const outputFile = path.join(projectRoot, "test-results/e2e-results.json");
  rmSync(outputFile, { force: true });
  const status = run([process.execPath, bin("@playwright/test/cli.js"), "test"]);
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(outputFile);
  if (!report) return { tier: "e2e", passed: 0, failed: 0, crashed: true };
  const failed = report.stats.unexpected + report.stats.flaky;
  return { tier: "e2e", passed: report.stats.expected, failed, crashed: status !== 0 && failed === 0 };
}

const { values } = parseArgs({ options: { only: { type: "string", multiple: true } } });
const tiers: Tier[] = (values.only as Tier[] | undefined) ?? ["types", "lint", "unit", "db", "db-debian", "e2e", "tools"];
mkdirSync(RESULTS_DIR, { recursive: true });

const outcomes: Outcome[] = [];
for (const tier of tiers) {
  process.stdout.write(`\n=== ${tier} tests ===\n`);
  outcomes.push(tier === "types" ? runTypecheck() : tier === "lint" ? runLint() : tier === "e2e" ? runPlaywright() : runVitest(tier));
}

process.stdout.write("\n");
for (const outcome of outcomes) {
  if (outcome.tier === "types") process.stdout.write(`types: ${outcome.crashed ? "tsc found errors (see above)" : "clean"}\n`);
  else if (outcome.tier === "lint") process.stdout.write(`lint: ${outcome.crashed ? "eslint found problems (see above)" : "clean"}\n`);
  else process.stdout.write(`${outcome.tier}: ${outcome.passed} passed, ${outcome.failed} failed${outcome.crashed ? " (the runner itself failed: see above)" : ""}\n`);
}
const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0);
const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0);
const crashed = outcomes.some((outcome) => outcome.crashed);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 || crashed || passed === 0 ? 1 : 0;
