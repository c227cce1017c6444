// Issue #16's "done when": 20 moderators deciding with two webhook endpoints attached (one slow,
// answering after 3 s; one dead, never answering) keep their decision p95 within 10% of the same
// run with none. `npm run loadtest -- --webhooks` alternates the two, and a control run with
// none again, in short rounds on one warm server and one database (scripts/loadtest/
// webhook-comparison.ts); this runs it in a process of its own and reports its lines. A ratio
// over the target prints MISSED, which fails the full bench.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "@/lib/env";
import type { BenchResult } from "./bench-registry";

interface WebhookRun {
  ok: boolean;
  figures: Record<string, number>;
}

export async function runWebhookBench(options: { quick: boolean }): Promise<BenchResult> {
  const moderators = options.quick ? 4 : 20;
  // Seconds of deciding per condition (none, hooks, control): 36 s makes 9 groups of six 2 s rounds,
  // about 6,000 requests per condition on an idle 2-core machine, the section about 2.5 minutes.
  const seconds = options.quick ? 4 : 36;
  // A slice per round (and the warm-up), each more than the moderators can decide in a round.
  const pool = options.quick ? 8_000 : 100_000;
  const args = ["--moderators", String(moderators), "--seconds", String(seconds), "--import", "0", "--pool", String(pool), "--webhooks", "--json"];
  const child = spawnSync(process.execPath, [path.join(projectRoot, "bin/run-ts.mjs"), "scripts/loadtest.ts", ...args], { cwd: projectRoot, encoding: "utf8", maxBuffer: 16 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] });
  const output = child.stdout.trim().split("\n");
  let run: WebhookRun;
  try {
    run = JSON.parse(output.at(-1) ?? "") as WebhookRun;
  } catch {
    throw new Error(`npm run loadtest ${args.join(" ")} exited with ${child.status}: ${output.slice(-4).join(" | ")}`);
  }
  const reported = output.filter((line) => /^(decisions with|decision p95|receivers meanwhile|lost decisions|audit events)/.test(line));
  const lines = [
    `${moderators} moderators deciding disjoint comments through the HTTP endpoints of one production server, about ${seconds} s each with no webhook endpoint, with two on loopback, and with none again (control), alternating in 2 s rounds after a warm-up`,
    ...reported,
  ];
  if (!run.ok) throw new Error(`the load test's books do not balance:\n${lines.join("\n")}`);
  return { name: "webhooks", lines, figures: run.figures };
}
