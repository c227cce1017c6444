import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { REFUSAL_AUDITS_PER_MINUTE, takeRefusalAuditSlot } from "./take-refusal-audit-slot";

// The anonymous refusal budget is one row every app instance shares (docs/security-auth.md). With a
// counter per process, two instances audited twice the budget: an attacker writes into the
// append-only log as fast as the number of instances lets them.

describe("takeRefusalAuditSlot", () => {
  it("audits the first refusals of a minute, counts the rest, and hands the count to the next audited one", async () => {
    await db.$executeRaw`DELETE FROM refusal_audit_budget`;
    const start = new Date("2026-12-01T10:00:00Z");
    const at = (ms: number) => ({ at: new Date(start.getTime() + ms) });
    const first = [];
    for (let index = 0; index < REFUSAL_AUDITS_PER_MINUTE + 7; index++) first.push(await takeRefusalAuditSlot(at(1_000)));
    expect(first.filter((slot) => slot.isAudited)).toHaveLength(REFUSAL_AUDITS_PER_MINUTE);
    expect(first.slice(REFUSAL_AUDITS_PER_MINUTE).every((slot) => !slot.isAudited)).toBe(true);
    expect(await takeRefusalAuditSlot(at(30_000))).toEqual({ isAudited: false, unauditedBefore: 0 });
    // A new minute: the first refusal is audited and says how many went unaudited (7 + 1).
    expect(await takeRefusalAuditSlot(at(61_000))).toEqual({ isAudited: true, unauditedBefore: 8 });
    expect(await takeRefusalAuditSlot(at(61_001))).toEqual({ isAudited: true, unauditedBefore: 0 });
  });

  // The window is on the database's clock: stepped back (NTP, a restored VM), a window that began
  // "later" must not hold the budget at zero until the clock catches up with it.
  it("starts a new minute when the database's clock went back", async () => {
    await db.$executeRaw`DELETE FROM refusal_audit_budget`;
    const start = new Date("2026-12-01T10:00:00Z");
    for (let index = 0; index <= REFUSAL_AUDITS_PER_MINUTE; index++) await takeRefusalAuditSlot({ at: start });
    expect(await takeRefusalAuditSlot({ at: new Date(start.getTime() - 60 * 60_000) })).toEqual({ isAudited: true, unauditedBefore: 1 });
  });

  it("gives 200 refusals claimed at once exactly the minute's budget", async () => {
    await db.$executeRaw`DELETE FROM refusal_audit_budget`;
    const slots = await Promise.all(Array.from({ length: 200 }, () => takeRefusalAuditSlot()));
    expect(slots.filter((slot) => slot.isAudited)).toHaveLength(REFUSAL_AUDITS_PER_MINUTE);
  });
});

function runInstance(email: string, ipAddress: string, count: number) {
  const child = spawn(process.execPath, [path.join(process.cwd(), "bin/run-ts.mjs"), "test/support/sign-in-refusals-process.ts"], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, REFUSALS_EMAIL: email, REFUSALS_ADDRESS: ipAddress, REFUSALS_COUNT: String(count) },
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve) => child.stdout.on("data", (chunk: Buffer) => ((stdout += chunk.toString()), stdout.startsWith("ready\n") && resolve())));
  const done = new Promise<Record<string, number>>((resolve, reject) =>
    child.on("exit", (code) => {
      const line = stdout.split("\n").find((candidate) => candidate.startsWith("{"));
      if (code === 0 && line) resolve(JSON.parse(line) as Record<string, number>);
      else reject(new Error(`instance exited with ${code}: ${stderr.slice(-2000)}`));
    }),
  );
  return { go: () => child.stdin.end("go\n"), ready, done };
}

describe("two app instances", () => {
  it("share one budget: 2 × 60 throttled guesses write 60 audit events, not 120", async () => {
    await db.$executeRaw`DELETE FROM refusal_audit_budget`;
    const email = `two-instances-${randomBytes(4).toString("hex")}@db.test`;
    // 5 wrong passwords per address are tried (and always audited), the rest are throttled refusals.
    const instances = [runInstance(email, "198.51.100.201", 65), runInstance(email, "198.51.100.202", 65)];
    await Promise.all(instances.map((instance) => instance.ready));
    for (const instance of instances) instance.go();
    const outcomes = await Promise.all(instances.map((instance) => instance.done));
    expect(outcomes).toEqual([
      { UNAUTHORIZED: 5, RATE_LIMITED: 60 },
      { UNAUTHORIZED: 5, RATE_LIMITED: 60 },
    ]);
    const events = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", actorLabel: email }, select: { details: true } });
    const reasons = events.map((event) => (event.details as { reason?: string }).reason ?? "");
    expect(reasons.filter((reason) => reason === "unknown email")).toHaveLength(10);
    expect(reasons.filter((reason) => reason.startsWith("throttled"))).toHaveLength(REFUSAL_AUDITS_PER_MINUTE);
  }, 120_000);
});
