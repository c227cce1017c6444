// `npm run loadtest [-- --moderators 20 --seconds 30] [--import N] [--pool N] [--disjoint] [--instances N] [--webhooks] [--quick] [--json]`: see
// scripts/loadtest/run-loadtest.ts (--webhooks: scripts/loadtest/webhook-comparison.ts). --json adds the figures as one JSON line at the end (for the bench).
import { parseArgs } from "node:util";
import { runLoadtest } from "./loadtest/run-loadtest";
import { fail, say } from "./lib/output";

const { values } = parseArgs({ options: { moderators: { type: "string" }, seconds: { type: "string" }, import: { type: "string" }, pool: { type: "string" }, disjoint: { type: "boolean" }, instances: { type: "string" }, webhooks: { type: "boolean" }, quick: { type: "boolean" }, json: { type: "boolean" } } });
const quick = values.quick ?? false;
try {
  const instances = Number(values.instances ?? 1);
  if (!Number.isInteger(instances) || instances < 1 || instances > 8) throw new Error(`--instances needs a whole number from 1 to 8 (got ${JSON.stringify(values.instances)})`);
  const report = await runLoadtest({
    moderators: Number(values.moderators ?? (quick ? 4 : 20)),
    seconds: Number(values.seconds ?? (quick ? 3 : 30)),
    pendingComments: Number(values.pool ?? (quick ? 300 : 5_000)),
    isDisjoint: values.disjoint ?? false,
    instances,
    webhooks: values.webhooks ?? false,
    importComments: Number(values.import ?? (quick ? 500 : 20_000)),
    log: say,
  });
  for (const line of report.lines) say(line);
  if (values.json) process.stdout.write(`${JSON.stringify({ ok: report.ok, figures: report.figures })}\n`);
  if (!report.ok) process.exitCode = 1;
} catch (error) {
  fail(error);
}
process.exit();
