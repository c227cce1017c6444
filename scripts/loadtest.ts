// `npm run loadtest [-- --moderators 20 --seconds 30] [--quick]`: see scripts/loadtest/run-loadtest.ts.
import { parseArgs } from "node:util";
import { runLoadtest } from "./loadtest/run-loadtest";
import { fail, say } from "./lib/output";

const { values } = parseArgs({ options: { moderators: { type: "string" }, seconds: { type: "string" }, quick: { type: "boolean" } } });
const quick = values.quick ?? false;
try {
  const report = await runLoadtest({
    moderators: Number(values.moderators ?? (quick ? 4 : 20)),
    seconds: Number(values.seconds ?? (quick ? 3 : 30)),
    pendingComments: quick ? 300 : 5_000,
    importComments: quick ? 500 : 20_000,
    log: say,
  });
  for (const line of report.lines) say(line);
  if (!report.ok) process.exitCode = 1;
} catch (error) {
  fail(error);
}
process.exit();
