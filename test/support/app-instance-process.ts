// One "app instance" for test/db/two-instances.db.test.ts, as a process of its own: it starts the
// job worker the way the web server does and says "ready"; on "go" (a line on its standard input,
// so that both instances start deciding together) it decides the given comments in order through
// the real decision path and prints one JSON line with what it decided; then keeps its worker
// running until its standard input closes. Run with bin/run-ts.mjs; settings come from the environment.
import { createInterface } from "node:readline";
import { decideComment } from "@/lib/moderation/decide-comment";
import { isAppError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { jobWorkerStatus } from "@/lib/jobs/job-worker-status";
import { startJobWorkerLoudly } from "@/lib/jobs/start-job-worker";

const moderator = JSON.parse(process.env.INSTANCE_MODERATOR ?? "{}") as { id: string; label: string };
const commentIds = JSON.parse(process.env.INSTANCE_COMMENTS ?? "[]") as number[];

await startJobWorkerLoudly();
const input = createInterface({ input: process.stdin });
// Listened for from the start: a test that fails closes the input while this instance still decides,
// and a listener added after the loop would miss that close and leave the instance running.
input.on("close", () => {
  void stopBoss().finally(() => process.exit(0));
});
const lines = input[Symbol.asyncIterator]();
process.stdout.write("ready\n");
await lines.next();
const decided: number[] = [];
const conflicts: number[] = [];
const failures: string[] = [];
for (const commentId of commentIds) {
  try {
    const guard = { commentId, expectedVersion: 0, expectedStatus: "PENDING" } as const;
    await decideComment(commentId % 2 === 0 ? { action: "APPROVE", ...guard } : { action: "HIDE", reason: "SPAM", ...guard }, moderator);
    decided.push(commentId);
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") conflicts.push(commentId);
    else failures.push(error instanceof Error ? error.message : String(error));
  }
}
process.stdout.write(`${JSON.stringify({ worker: jobWorkerStatus().state, decided, conflicts, failures })}\n`);

