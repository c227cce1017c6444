// The load test as a benchmark: `npm run loadtest` twice, each in a process of its own (its own
// embedded database and web server): one moderator alone as the baseline, then N moderators on
// overlapping comments while an import runs. The figure that matters is how throughput scales and
// what contention costs per decision, with the books checked (0 lost, 0 double) both times.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "@/lib/env";
import type { BenchResult } from "./bench-registry";

interface LoadFigures {
  decisions: number;
  conflicts: number;
  lost: number;
  doubles: number;
  decisionsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

function runLoadtest(args: string[]): { ok: boolean; figures: LoadFigures } {
  const child = spawnSync(process.execPath, [path.join(projectRoot, "bin/run-ts.mjs"), "scripts/loadtest.ts", ...args, "--json"], {
    cwd: projectRoot,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lastLine = child.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(lastLine) as { ok: boolean; figures: LoadFigures };
  } catch {
    throw new Error(`npm run loadtest ${args.join(" ")} exited with ${child.status}: ${child.stdout.trim().split("\n").slice(-4).join(" | ")}`);
  }
}

const describe = (label: string, run: { ok: boolean; figures: LoadFigures }) =>
  `${label} ${run.figures.decisionsPerSecond.toFixed(1)} decisions/s, p50 ${run.figures.p50Ms.toFixed(1)} ms, p95 ${run.figures.p95Ms.toFixed(1)} ms; ` +
  `${run.figures.decisions} decided, ${run.figures.conflicts} conflicts, lost ${run.figures.lost}, double ${run.figures.doubles}: ${run.ok ? "books OK" : "BOOKS FAILED"}`;

export async function runLoadBench(options: { quick: boolean }): Promise<BenchResult> {
  const moderators = options.quick ? 4 : 20;
  const seconds = options.quick ? 3 : 30;
  const importComments = options.quick ? 500 : 20_000;
  const baseline = runLoadtest(["--moderators", "1", "--seconds", options.quick ? "2" : "10", "--import", "0"]);
  const load = runLoadtest(["--moderators", String(moderators), "--seconds", String(seconds), "--import", String(importComments)]);
  const scaling = load.figures.decisionsPerSecond / Math.max(baseline.figures.decisionsPerSecond, 0.001);
  const lines = [
    `real HTTP endpoints of a production build on loopback; every moderator signs in and decides (POST /api/v1/comments/:id/decisions)`,
    describe("baseline: 1 moderator alone, no import:            ", baseline),
    describe(`load: ${moderators} moderators, ${seconds} s, ${importComments.toLocaleString("en-US")}-comment import:`, load),
    `ratio: ${scaling.toFixed(2)}x the baseline's throughput with ${moderators} moderators; p95 ${(load.figures.p95Ms / Math.max(baseline.figures.p95Ms, 0.001)).toFixed(2)}x the baseline's`,
  ];
  if (!baseline.ok || !load.ok) throw new Error(`the load test's books do not balance:\n${lines.join("\n")}`);
  return { name: "load", lines, figures: { baselineDecisionsPerSecond: baseline.figures.decisionsPerSecond, decisionsPerSecond: load.figures.decisionsPerSecond, p95Ms: load.figures.p95Ms, lost: load.figures.lost, doubles: load.figures.doubles, scaling } };
}
