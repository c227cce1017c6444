// One "app instance" for lib/auth/take-refusal-audit-slot.db.test.ts, as a process of its own: on
// "go" (a line on its standard input, so that two instances start together) it sends
// REFUSALS_EMAIL's wrong password REFUSALS_COUNT times through the real sign-in path from one
// address, prints one JSON line with the outcomes, and exits. Run with bin/run-ts.mjs.
import { createInterface } from "node:readline";
import { signIn } from "@/lib/auth/sign-in";
import { isAppError } from "@/lib/errors";

const email = process.env.REFUSALS_EMAIL ?? "";
const ipAddress = process.env.REFUSALS_ADDRESS ?? "";
const count = Number(process.env.REFUSALS_COUNT ?? 0);

const input = createInterface({ input: process.stdin });
process.stdout.write("ready\n");
await input[Symbol.asyncIterator]().next();
const outcomes: Record<string, number> = {};
for (let index = 0; index < count; index++) {
  let outcome = "SIGNED_IN";
  try {
    await signIn({ email, password: "not the password", ipAddress, headers: new Headers() });
  } catch (error) {
    outcome = isAppError(error) ? error.code : String(error);
  }
  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
}
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
process.exit(0);
