import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingestComments } from "@/lib/import/ingest-comments";
import { listQueue } from "@/lib/moderation/list-queue";
import { uniqueId } from "@/lib/moderation/test-factories";
import { createRule } from "@/lib/rules/create-rule";
import { rotateExternalRuleSecret } from "./rotate-external-secret";
import { ruleDraftSchema } from "@/lib/rules/rule-draft-schema";
import { evaluateLabelled } from "@/lib/detect/quality/evaluate-labelled";
import type { LabelledRecord } from "@/lib/detect/quality/labelled-record";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { withPgTransaction } from "@/lib/db/pg-pool";
import { backtestRule } from "@/lib/rules/backtest-rule";
import { createRuleRerun } from "@/lib/rules/create-rule-rerun";
import { importRulePack } from "@/lib/rules/import-rule-pack";
import { parseRulePack } from "@/lib/rules/rule-pack-schema";
import { runRuleRerunSlice } from "@/lib/rules/run-rule-rerun";
import { ruleDefinitionsOf } from "@/lib/rules/rule-definitions";
import { createWebhookEndpoint, setWebhookEndpointEnabled } from "@/lib/webhooks/manage-endpoints";
import { drainExternalScores } from "./drain-external-scores";
import { externalSigningOf, loadExternalRules } from "./external-rules";
import { scoreTextsExternally } from "./score-texts";
import { testExternalEndpoint } from "./test-external-endpoint";

// A scorer served on loopback by this test: it verifies the Standard Webhooks signature with the
// secret the rule was given, and answers as its mode says (scores, hangs, garbage).

const admin = { id: null, label: "external-classifier-test" };
type Mode = "score" | "clean" | "hang" | "garbage";
const scorer = { mode: "score" as Mode, secret: "", requests: [] as { verified: boolean; body: { comments: { id: string; text: string }[] } }[] };
const ruleIds: number[] = [];

function answerFor(comments: { id: string; text: string }[]) {
  return {
    results: comments.map(({ id, text }) => {
      const at = text.indexOf("muppet");
      return at < 0 || scorer.mode === "clean" ? { id, scores: { ABUSIVE: 0.1 } } : { id, scores: { ABUSIVE: 0.95, SPAM: 0.2 }, spans: { ABUSIVE: [[at, at + 6]] } };
    }),
  };
}

const server = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  request.on("end", () => {
    let verified = true;
    try {
      new Webhook(scorer.secret).verify(body, request.headers as Record<string, string>);
    } catch {
      verified = false;
    }
    const parsed = JSON.parse(body) as { comments: { id: string; text: string }[] };
    scorer.requests.push({ verified, body: parsed });
    if (!verified) return response.writeHead(401).end("bad signature");
    if (scorer.mode === "hang") return;
    if (scorer.mode === "garbage") return response.writeHead(200, { "content-type": "application/json" }).end("{ results: oops");
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answerFor(parsed.comments)));
  });
});
server.listen(0, "127.0.0.1");
await once(server, "listening");
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/score`;

afterAll(async () => {
  // Later test files share this database: leave no EXTERNAL rule enabled behind.
  await db.rule.updateMany({ where: { id: { in: ruleIds } }, data: { enabled: false, deletedAt: new Date() } });
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  scorer.mode = "score";
  scorer.requests = [];
});

async function externalRule(overrides: { action?: "FLAG" | "AUTO_HIDE"; allowPrivateNetwork?: boolean } = {}) {
  const draft = ruleDraftSchema.parse({
    name: uniqueId("scorer"), category: "ABUSIVE", kind: "EXTERNAL", severity: 4, action: overrides.action ?? "FLAG",
    config: { url, thresholds: { ABUSIVE: 0.8, SPAM: 0.5 }, timeoutMs: 400, allowPrivateNetwork: overrides.allowPrivateNetwork ?? true },
  });
  const created = await createRule(draft, admin);
  ruleIds.push(created.id);
  // Only this test's comments: the rule was saved with every pending comment of the database queued.
  await db.externalScorePending.deleteMany({ where: { ruleId: created.id } });
  scorer.secret = created.secret ?? "";
  return created;
}

async function importTwo() {
  const result = await ingestComments({ id: uniqueId("a"), title: "External scores", comments: [{ id: uniqueId("c"), body: "You absolute muppet, read the article.", postedAt: "2026-11-02T08:00:00Z" }, { id: uniqueId("c"), body: "A fair point about the budget.", postedAt: "2026-11-02T08:05:00Z" }] }, admin);
  return result.comments.map((comment) => comment.id!);
}

const pendingOf = (ruleId: number, ids: number[]) => db.externalScorePending.findMany({ where: { ruleId, commentId: { in: ids } }, orderBy: { commentId: "asc" } });
const due = (ruleId: number) => db.externalScorePending.updateMany({ where: { ruleId }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });

describe("external classifier", () => {
  it("a hanging scorer never holds up the import: comments stay not scored, then are scored when it recovers", async () => {
    const rule = await externalRule();
    expect(rule.secret).toMatch(/^whsec_/);
    scorer.mode = "hang";
    const ids = await importTwo();
    expect(ids).toHaveLength(2);
    expect((await pendingOf(rule.id, ids)).map((row) => row.commentId)).toEqual([...ids].sort((a, b) => a - b));

    const failed = await drainExternalScores({ ruleId: rule.id });
    expect(failed.failedBatches).toBe(1);
    expect(failed.errors[(await db.rule.findUniqueOrThrow({ where: { id: rule.id } })).name]).toBe("no answer within 400 ms (timed out)");
    const waiting = await pendingOf(rule.id, ids);
    expect(waiting.map((row) => [row.attempts, row.lastError])).toEqual([[1, "no answer within 400 ms (timed out)"], [1, "no answer within 400 ms (timed out)"]]);
    expect(waiting.every((row) => row.nextAttemptAt.getTime() > Date.now())).toBe(true);
    expect(await db.flag.count({ where: { ruleId: rule.id } })).toBe(0);
    // The queue shows them "not scored" (with the reason) and filters on it.
    const notScoredPage = await listQueue({ tab: "all", filters: { unscored: "1" }, limit: 200 });
    const cards = notScoredPage.items.filter((item) => ids.includes(item.id));
    expect(cards.map((card) => card.notScored)).toEqual([0, 1].map(() => [{ ruleName: expect.any(String), attempts: 1, lastError: "no answer within 400 ms (timed out)" }]));

    scorer.mode = "score";
    await due(rule.id);
    const recovered = await drainExternalScores({ ruleId: rule.id });
    expect(recovered).toMatchObject({ scored: 2, flagged: 1, failedBatches: 0 });
    expect(scorer.requests.every((request) => request.verified)).toBe(true);
    expect(await pendingOf(rule.id, ids)).toEqual([]);
    const scoredPage = await listQueue({ tab: "all", filters: { unscored: "1" }, limit: 200 });
    expect(scoredPage.items.filter((item) => ids.includes(item.id))).toEqual([]);
    const flags = await db.flag.findMany({ where: { ruleId: rule.id, commentId: { in: ids } }, select: { commentId: true, category: true, score: true, spans: true, reason: true } });
    expect(flags).toEqual([{ commentId: ids[0], category: "ABUSIVE", score: 0.95, spans: [[13, 19]], reason: "127.0.0.1:" + new URL(url).port + " scored it abusive 0.95 (threshold 0.8)" }]);
    const [flagged, clean] = await Promise.all(ids.map((id) => db.comment.findUniqueOrThrow({ where: { id }, select: { priority: true, flagCategories: true } })));
    expect(flagged!.priority).toBeGreaterThan(0);
    expect(flagged!.flagCategories).toEqual(["ABUSIVE"]);
    expect(clean).toEqual({ priority: 0, flagCategories: [] });
  });

  it("a scorer answering garbage flags nothing and its comments stay not scored, with the reason", async () => {
    const rule = await externalRule();
    scorer.mode = "garbage";
    const ids = await importTwo();
    const summary = await drainExternalScores({ ruleId: rule.id });
    expect(summary.failedBatches).toBe(1);
    expect(Object.values(summary.errors)[0]).toBe('the answer is not JSON (it starts "{ results: oops")');
    expect(await db.flag.count({ where: { ruleId: rule.id } })).toBe(0);
    expect((await pendingOf(rule.id, ids)).map((row) => row.lastError)).toEqual(['the answer is not JSON (it starts "{ results: oops")', 'the answer is not JSON (it starts "{ results: oops")']);
  });

  it("an AUTO_HIDE scorer hides a pending comment as a rule would, with comment.flagged then comment.decided webhooks", async () => {
    const rule = await externalRule({ action: "AUTO_HIDE" });
    const endpoint = await createWebhookEndpoint({ url: "https://receiver.example.org/hook", events: ["comment.flagged", "comment.decided"], timeoutMs: 1000, allowPrivateNetwork: false }, admin);
    const ids = await importTwo();
    await drainExternalScores({ ruleId: rule.id });
    const events = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id, orderingKey: `comment:${ids[0]}` }, orderBy: { id: "asc" }, select: { eventType: true, payload: true } });
    expect(events.map((event) => event.eventType)).toEqual(["comment.flagged", "comment.decided"]);
    expect(JSON.stringify(events[0]!.payload)).toContain("scored it abusive 0.95");
    await setWebhookEndpointEnabled(endpoint.id, false, admin);
    const hidden = await db.comment.findUniqueOrThrow({ where: { id: ids[0] }, select: { status: true, decisions: { select: { note: true } } } });
    expect(hidden.status).toBe("HIDDEN");
    expect(hidden.decisions[0]?.note).toContain("auto-hidden by");
    expect((await db.comment.findUniqueOrThrow({ where: { id: ids[1] }, select: { status: true } })).status).toBe("PENDING");
  });

  it("a re-score that no longer flags withdraws the endpoint's flag and lowers the comment", async () => {
    const rule = await externalRule();
    const ids = await importTwo();
    await drainExternalScores({ ruleId: rule.id });
    expect(await db.flag.count({ where: { ruleId: rule.id } })).toBe(1);
    scorer.mode = "clean";
    await db.externalScorePending.createMany({ data: ids.map((commentId) => ({ commentId, ruleId: rule.id, nextAttemptAt: new Date(Date.now() - 1000) })) });
    expect(await drainExternalScores({ ruleId: rule.id })).toMatchObject({ scored: 2, flagged: 0 });
    expect(await db.flag.count({ where: { ruleId: rule.id } })).toBe(0);
    expect(await db.withdrawnFlag.count({ where: { ruleId: rule.id, commentId: ids[0] } })).toBe(1);
    expect(await db.comment.findUniqueOrThrow({ where: { id: ids[0] }, select: { priority: true, flagCategories: true } })).toEqual({ priority: 0, flagCategories: [] });
  });

  it("a rule pack that brings an EXTERNAL rule reports its new secret once; the pack itself never carries one", async () => {
    const name = uniqueId("packed-scorer");
    const parsed = parseRulePack(JSON.stringify({ moddeskRulePack: 1, rules: [{ name, category: "SPAM", kind: "EXTERNAL", severity: 2, action: "FLAG", config: { url, thresholds: { SPAM: 0.9 }, timeoutMs: 1000, allowPrivateNetwork: true } }] }));
    if (!parsed.ok) throw new Error(parsed.message);
    const report = await importRulePack(parsed.pack, admin);
    const stored = await db.rule.findUniqueOrThrow({ where: { name } });
    ruleIds.push(stored.id);
    expect(report.secrets).toEqual([{ name, secret: (await externalSigningOf(stored.id))?.secret }]);
    // Sealed at rest: the row holds no usable secret (lib/webhooks/signing-secret-store.ts).
    expect((await db.externalClassifierSecret.findUniqueOrThrow({ where: { ruleId: stored.id } })).secret).toMatch(/^sealed:v1:/);
    expect(JSON.stringify(stored.config)).not.toContain("whsec_");
    expect((await importRulePack(parsed.pack, admin)).secrets).toEqual([]);
  });

  it("refuses a loopback endpoint unless private networks are allowed (SSRF)", async () => {
    await expect(externalRule({ allowPrivateNetwork: false })).rejects.toThrow(/private or loopback/);
  });

  it("a rule re-run keeps the endpoint's flags (the engine cannot reproduce them) while the rule is enabled", async () => {
    const rule = await externalRule();
    const ids = await importTwo();
    await drainExternalScores({ ruleId: rule.id });
    const rerun = await withPgTransaction((client) => createRuleRerun(client, SYSTEM_ACTOR));
    await runRuleRerunSlice(rerun.id);
    expect(await db.flag.count({ where: { ruleId: rule.id, commentId: ids[0] } })).toBe(1);
    expect((await db.comment.findUniqueOrThrow({ where: { id: ids[0] }, select: { priority: true } })).priority).toBeGreaterThan(0);

    await db.rule.update({ where: { id: rule.id }, data: { enabled: false } });
    const second = await withPgTransaction((client) => createRuleRerun(client, SYSTEM_ACTOR));
    await runRuleRerunSlice(second.id);
    expect(await db.flag.count({ where: { ruleId: rule.id } })).toBe(0);
    expect(await db.withdrawnFlag.count({ where: { ruleId: rule.id, commentId: ids[0] } })).toBe(1);
  });

  it("moddesk evaluate measures the endpoint like any rule, and refuses to report when it is down", async () => {
    const rule = await externalRule();
    const stored = ruleDefinitionsOf(await db.rule.findMany({ where: { id: rule.id } }));
    const records: LabelledRecord[] = [
      { id: "l1", text: "what a muppet", labels: ["abusive"], borderline: false, lang: "latin", thread: "t" },
      { id: "l2", text: "muppet show tonight", labels: [], borderline: false, lang: "latin", thread: "t" },
      { id: "l3", text: "you absolute fool", labels: ["abusive"], borderline: false, lang: "latin", thread: "t" },
    ];
    const externalRules = (await loadExternalRules()).filter((external) => Number(external.id) === rule.id);
    const extraFlags = await scoreTextsExternally(externalRules, records.map((record) => record.text));
    const report = evaluateLabelled(stored, records, "model", extraFlags);
    expect(report.rules).toMatchObject([{ name: stored[0]!.name, kind: "EXTERNAL", isModel: true, fired: 2, precision: { hits: 1, total: 2 }, recall: { hits: 1, total: 2 }, cleanFlagged: 1 }]);
    expect(evaluateLabelled(stored, records, "rules", extraFlags).rules).toEqual([]);

    scorer.mode = "hang";
    await expect(scoreTextsExternally(externalRules, ["anything"])).rejects.toThrow(/did not score comments 1-1 of 1: no answer within 400 ms/);
  });

  it("the backtest and the test bench call the endpoint with the saved rule's secret, and say so when it is down", async () => {
    const rule = await externalRule();
    const draft = ruleDraftSchema.parse({ name: "draft", category: "ABUSIVE", kind: "EXTERNAL", severity: 4, action: "FLAG", config: { url, thresholds: { ABUSIVE: 0.8 }, timeoutMs: 400, allowPrivateNetwork: true } });
    const sample = await testExternalEndpoint(draft, "such a muppet", rule.id);
    expect(sample).toMatchObject({ ok: true, isThrowawaySecret: false, answer: { scores: { ABUSIVE: 0.95 } }, flags: [{ category: "ABUSIVE", spans: [[7, 13]] }] });
    expect(scorer.requests.at(-1)?.verified).toBe(true);
    expect(await testExternalEndpoint(draft, "such a muppet")).toMatchObject({ isThrowawaySecret: true, ok: false, message: "answered HTTP 401: bad signature" });

    const before = scorer.requests.length;
    const backtest = await backtestRule(draft, { maxBatches: 2 }, rule.id);
    expect(backtest.scanned).toBeGreaterThan(0);
    expect(backtest.matched).toBeGreaterThan(0);
    expect(backtest.sample[0]?.reason).toMatch(/scored it abusive 0.95/);
    const sent = scorer.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.verified && request.body.comments.length > 0)).toBe(true);
    scorer.mode = "hang";
    await expect(backtestRule(draft, { maxBatches: 1 }, rule.id)).rejects.toThrow(/The endpoint did not score the first \d+ comments: no answer within 400 ms/);
  });

  it("a rotated secret signs beside the old one for a day, so an endpoint holding either verifies; then only the new one signs", async () => {
    const rule = await externalRule();
    const oldSecret = scorer.secret;
    const draft = ruleDraftSchema.parse({ name: "draft", category: "ABUSIVE", kind: "EXTERNAL", severity: 4, action: "FLAG", config: { url, thresholds: { ABUSIVE: 0.8 }, timeoutMs: 400, allowPrivateNetwork: true } });
    const rotated = await rotateExternalRuleSecret(rule.id, admin);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(oldSecret);
    // The endpoint not yet switched (old secret) and switched (new secret) both verify during the overlap.
    expect(await testExternalEndpoint(draft, "such a muppet", rule.id)).toMatchObject({ ok: true });
    scorer.secret = rotated.secret;
    expect(await testExternalEndpoint(draft, "such a muppet", rule.id)).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { action: "rule.rotate_secret", entityId: String(rule.id) } })).toBe(1);
    expect(JSON.stringify((await db.auditEvent.findFirstOrThrow({ where: { action: "rule.rotate_secret", entityId: String(rule.id) } })).details)).not.toContain(rotated.secret);

    // Once the overlap has ended, the old secret no longer signs.
    await db.externalClassifierSecret.update({ where: { ruleId: rule.id }, data: { previousSecretUntil: new Date(Date.now() - 1000) } });
    scorer.secret = oldSecret;
    expect(await testExternalEndpoint(draft, "such a muppet", rule.id)).toMatchObject({ ok: false, message: "answered HTTP 401: bad signature" });
    scorer.secret = rotated.secret;
    expect(await testExternalEndpoint(draft, "such a muppet", rule.id)).toMatchObject({ ok: true });

    const plain = await createRule(ruleDraftSchema.parse({ name: uniqueId("terms"), category: "SPAM", kind: "TERMS", severity: 2, action: "FLAG", config: { terms: ["zzqx"] } }), admin);
    ruleIds.push(plain.id);
    await expect(rotateExternalRuleSecret(plain.id, admin)).rejects.toThrow("Only an EXTERNAL rule has a signing secret.");
  });
});
