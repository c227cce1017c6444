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

// A conflict is an answer too (the server checked the version and refused, naming who came
// first), so the server's throughput is requests answered; decisions/s depends on how often the
// moderators collide, which the load test provokes on purpose.
const answeredPerSecond = (figures: LoadFigures, seconds: number) => (figures.decisions + figures.conflicts) / seconds;

const describe = (label: string, run: { ok: boolean; figures: LoadFigures }, seconds: number) =>
  `${label} ${answeredPerSecond(run.figures, seconds).toFixed(1)} requests/s answered (${run.figures.decisionsPerSecond.toFixed(1)} decisions/s, ${run.figures.conflicts} conflicts), ` +
  `p50 ${run.figures.p50Ms.toFixed(1)} ms, p95 ${run.figures.p95Ms.toFixed(1)} ms; lost ${run.figures.lost}, double ${run.figures.doubles}: ${run.ok ? "books OK" : "BOOKS FAILED"}`;

export async function runLoadBench(options: { quick: boolean }): Promise<BenchResult> {
  const moderators = options.quick ? 4 : 20;
  const seconds = options.quick ? 3 : 30;
  const importComments = options.quick ? 500 : 20_000;
  const baselineSeconds = options.quick ? 2 : 10;
  const baseline = runLoadtest(["--moderators", "1", "--seconds", String(baselineSeconds), "--import", "0"]);
  const load = runLoadtest(["--moderators", String(moderators), "--seconds", String(seconds), "--import", String(importComments)]);
  const scaling = answeredPerSecond(load.figures, seconds) / Math.max(answeredPerSecond(baseline.figures, baselineSeconds), 0.001);
  const lines = [
    `real HTTP endpoints of a production build on loopback (one Node process); each moderator signs in and decides (POST /api/v1/comments/:id/decisions), neighbours on the same comments`,
    describe("baseline: 1 moderator alone, no import:", baseline, baselineSeconds),
    describe(`load: ${moderators} moderators for ${seconds} s during a ${importComments.toLocaleString("en-US")}-comment import:`, load, seconds),
    `ratio: ${scaling.toFixed(2)}x the baseline's requests/s with ${moderators} moderators; p95 ${(load.figures.p95Ms / Math.max(baseline.figures.p95Ms, 0.001)).toFixed(2)}x the baseline's`,
  ];
  if (!baseline.ok || !load.ok) throw new Error(`the load test's books do not balance:\n${lines.join("\n")}`);
  return { name: "load", lines, figures: { baselineRequestsPerSecond: answeredPerSecond(baseline.figures, baselineSeconds), requestsPerSecond: answeredPerSecond(load.figures, seconds), decisionsPerSecond: load.figures.decisionsPerSecond, p95Ms: load.figures.p95Ms, lost: load.figures.lost, doubles: load.figures.doubles, scaling } };
}
