// The load test as a benchmark: `npm run loadtest` three times, each in a process of its own (its
// own embedded database and web server): one moderator alone as the baseline; N moderators on
// overlapping comments while an import runs (conflicts on purpose); and N moderators on disjoint
// comments during the same import (no conflicts: the server's decision throughput). Decisions/s
// and requests/s are reported apart: a 409 refusal is a cheap answer, not a decision.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "@/lib/env";
import type { BenchResult } from "./bench-registry";

interface LoadFigures {
  decisions: number;
  conflicts: number;
  requests: number;
  lost: number;
  doubles: number;
  decisionsPerSecond: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

interface LoadRun {
  ok: boolean;
  figures: LoadFigures;
}

function runLoadtest(args: string[]): LoadRun {
  const child = spawnSync(process.execPath, [path.join(projectRoot, "bin/run-ts.mjs"), "scripts/loadtest.ts", ...args, "--json"], {
    cwd: projectRoot,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lastLine = child.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(lastLine) as LoadRun;
  } catch {
    throw new Error(`npm run loadtest ${args.join(" ")} exited with ${child.status}: ${child.stdout.trim().split("\n").slice(-4).join(" | ")}`);
  }
}

const describe = (label: string, run: LoadRun) =>
  `${label} ${run.figures.decisionsPerSecond.toFixed(1)} decisions/s (${run.figures.decisions} decisions), ${run.figures.requestsPerSecond.toFixed(1)} requests/s (${run.figures.requests} requests, ${run.figures.conflicts} of them 409 conflicts); ` +
  `per request p50 ${run.figures.p50Ms.toFixed(1)} ms, p95 ${run.figures.p95Ms.toFixed(1)} ms; lost ${run.figures.lost}, double ${run.figures.doubles}: ${run.ok ? "books OK" : "BOOKS FAILED"}`;

const times = (value: number, baseline: number) => (value / Math.max(baseline, 0.001)).toFixed(2);

export async function runLoadBench(options: { quick: boolean }): Promise<BenchResult> {
  const moderators = options.quick ? 4 : 20;
  const seconds = options.quick ? 3 : 30;
  const importComments = options.quick ? 500 : 20_000;
  const baselineSeconds = options.quick ? 2 : 10;
  // Enough comments that no moderator runs out of its own share before the time is up.
  const disjointPool = options.quick ? 2_000 : 30_000;
  const baseline = runLoadtest(["--moderators", "1", "--seconds", String(baselineSeconds), "--import", "0"]);
  const overlapping = runLoadtest(["--moderators", String(moderators), "--seconds", String(seconds), "--import", String(importComments)]);
  const disjoint = runLoadtest(["--moderators", String(moderators), "--seconds", String(seconds), "--import", String(importComments), "--pool", String(disjointPool), "--disjoint"]);
  const base = baseline.figures;
  const lines = [
    `real HTTP endpoints of a production build on loopback (one Node process); each moderator signs in and decides (POST /api/v1/comments/:id/decisions)`,
    describe(`baseline: 1 moderator alone for ${baselineSeconds} s, no import:`, baseline),
    describe(`overlapping: ${moderators} moderators for ${seconds} s on shared comments during a ${importComments.toLocaleString("en-US")}-comment import:`, overlapping),
    describe(`disjoint: ${moderators} moderators for ${seconds} s, each on comments of its own, during the same import:`, disjoint),
    `decisions/s vs the baseline's: disjoint ${times(disjoint.figures.decisionsPerSecond, base.decisionsPerSecond)}x, overlapping ${times(overlapping.figures.decisionsPerSecond, base.decisionsPerSecond)}x ` +
      `(requests/s overlapping ${times(overlapping.figures.requestsPerSecond, base.requestsPerSecond)}x, conflicts included); p95 disjoint ${times(disjoint.figures.p95Ms, base.p95Ms)}x the baseline's`,
  ];
  if (!baseline.ok || !overlapping.ok || !disjoint.ok) throw new Error(`the load test's books do not balance:\n${lines.join("\n")}`);
  return {
    name: "load",
    lines,
    figures: {
      baselineDecisionsPerSecond: base.decisionsPerSecond,
      overlappingDecisionsPerSecond: overlapping.figures.decisionsPerSecond,
      overlappingRequestsPerSecond: overlapping.figures.requestsPerSecond,
      disjointDecisionsPerSecond: disjoint.figures.decisionsPerSecond,
      disjointP95Ms: disjoint.figures.p95Ms,
      lost: overlapping.figures.lost + disjoint.figures.lost,
      doubles: overlapping.figures.doubles + disjoint.figures.doubles,
    },
  };
}
