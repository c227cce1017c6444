import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The long runs have their own commands (npm run bench, npm run loadtest); their quick modes run
// here so that the code behind them cannot rot. Figures are printed, never asserted.

const root = process.cwd();

function npmRun(script: string, args: string[]): { status: number | null; output: string; stdout: string } {
  // Bounded below the test's 900 s: spawnSync blocks the event loop, so that timeout cannot fire during it
  // (a run that never ends, or a server it left holding its output pipe, hung the tools tier for good).
  const result = spawnSync("npm", ["run", "--silent", script, "--", ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 840_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, stdout: result.stdout };
}

describe("npm run bench -- --quick", () => {
  it("runs every benchmark and writes a report with each figure next to its baseline", () => {
    const { status, output, stdout } = npmRun("bench", ["--quick"]);
    expect(output).not.toContain("FAILED");
    expect(status).toBe(0);
    // A missed target never passes silently: quick mode names it in its last line instead of failing.
    // stdout's last line: a database server stopping at the end may log to stderr after it.
    const lastLine = stdout.trim().split("\n").at(-1) ?? "";
    expect(lastLine).toMatch(/^(every target met \(quick mode|quick mode: \d+ target\(s\) MISSED)/);
    if (output.includes("MISSED")) expect(lastLine).toMatch(/MISSED/);
    const report = readFileSync(path.join(root, ".moddesk-test/BENCHMARKS.quick.md"), "utf8");
    for (const section of ["## rules", "## import", "## queue", "## export", "## insights", "## load", "## webhooks"]) expect(report).toContain(section);
    expect(report).toMatch(/- cores: \d+/);
    expect(report).toMatch(/PostgreSQL \d+/);
  });
});

describe("npm run loadtest -- --quick", () => {
  it("decides through the real endpoints with no lost or double decisions and a matching audit trail", () => {
    const { status, output } = npmRun("loadtest", ["--quick"]);
    expect(output).toMatch(/lost decisions: 0 \(must be 0\), duplicate decisions: 0/);
    expect(output).toMatch(/audit chain: intact/);
    expect(output).toContain("verdict: OK");
    expect(status).toBe(0);
  });
});

describe("npm run loadtest -- --quick --instances 2", () => {
  it("splits the moderators over two production servers on one database and every cross-instance check holds", () => {
    const { status, output } = npmRun("loadtest", ["--quick", "--instances", "2"]);
    expect(output).toContain("app instances: 2 production server(s) on one PostgreSQL");
    expect(output).toMatch(/lost decisions: 0 \(must be 0\), duplicate decisions: 0/);
    for (const check of ["health of each instance", "session opened on instance 0", "live updates", "sign-in throttle", "rule re-run queued once", "pg-boss jobs completed", "suggestion model trainings"]) {
      expect(output).toMatch(new RegExp(`^ok: ${check}`, "m"));
    }
    expect(output).not.toMatch(/^FAILED: /m);
    expect(output).toContain("verdict: OK");
    expect(status).toBe(0);
  });
});
