import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingestComments } from "@/lib/import/ingest-comments";
import { decideComment } from "@/lib/moderation/decide-comment";
import { makeArticle, makeComment, makeModerator, uniqueId } from "@/lib/moderation/test-factories";
import { createRule } from "@/lib/rules/create-rule";
import { ruleDraftSchema } from "@/lib/rules/rule-draft-schema";
import { MAX_ATTEMPTS } from "./backoff";
import { drainEndpoint } from "./drain-webhook-outbox";
import { createWebhookEndpoint, rotateWebhookSecret, setWebhookEndpointEnabled } from "./manage-endpoints";
import { sendWebhookTestEvent } from "./send-test-event";
import { isAppError } from "@/lib/errors";
import type { WebhookEvent } from "./events";
import { closeTestReceivers, startTestReceiver } from "./test-receiver";

// Real receivers on loopback (a webhook receiver that verifies signatures, one that fails on
// demand, one that hangs, one that redirects), the real outbox written by real decisions.

const admin = { id: null, label: "webhook-test" };


const receiver = startTestReceiver;

afterAll(closeTestReceivers);

async function endpoint(url: string, events: WebhookEvent[] = ["comment.decided"], extra: { timeoutMs?: number; allowPrivateNetwork?: boolean } = {}) {
  return createWebhookEndpoint({ url, events, timeoutMs: extra.timeoutMs ?? 2_000, allowPrivateNetwork: extra.allowPrivateNetwork ?? true }, admin);
}

async function hide(commentId: number, moderator: { id: string; label: string }) {
  const comment = await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { version: true, status: true } });
  return decideComment({ action: "HIDE", commentId, expectedVersion: comment.version, expectedStatus: comment.status, reason: "ABUSIVE" }, moderator);
}

async function approve(commentId: number, moderator: { id: string; label: string }) {
  const comment = await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { version: true, status: true } });
  return decideComment({ action: "APPROVE", commentId, expectedVersion: comment.version, expectedStatus: comment.status }, moderator);
}

describe("webhooks", () => {
  it("a decision writes its event in its own transaction, and the receiver gets it signed", async () => {
    const target = await receiver(() => ({ status: 204 }));
    const created = await endpoint(target.url);
    const moderator = await makeModerator();
    const articleId = await makeArticle();
    const comment = await makeComment(articleId);
    const decision = await hide(comment.id, moderator);

    // A refused (conflicting) decision leaves no event behind.
    await expect(decideComment({ action: "APPROVE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING" }, moderator)).rejects.toThrow();
    expect(await db.webhookDelivery.count({ where: { endpointId: created.id } })).toBe(1);

    expect(await drainEndpoint(created.id)).toBe(1);
    expect(target.received).toHaveLength(1);
    const [delivery] = target.received;
    const payload = new Webhook(created.secret).verify(delivery!.body, delivery!.headers as Record<string, string>) as { type: string; data: { comment: Record<string, unknown>; decision: { id: number; action: string; toStatus: string; reason: string; by: string } } };
    expect(payload.type).toBe("comment.decided");
    // Its id and status stored with the decision, its identity elsewhere added at delivery.
    expect(payload.data.comment).toEqual({ id: comment.id, source: "test", externalId: null, articleId, status: "HIDDEN" });
    expect(payload.data.decision).toMatchObject({ id: decision.decisionId, action: "HIDE", toStatus: "HIDDEN", reason: "ABUSIVE", by: moderator.label });
    const row = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: created.id } });
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatusCode: 204 });
    expect(row.lastLatencyMs).not.toBeNull();
  });

  it("sends a test event to one endpoint whatever it subscribed to, signed and logged like a real one", async () => {
    const target = await receiver(() => ({ status: 200 }));
    const other = await receiver(() => ({ status: 200 }));
    const created = await endpoint(target.url, ["import.completed"]);
    const bystander = await endpoint(other.url, ["comment.decided"]);

    const sent = await sendWebhookTestEvent(created.id, admin);
    expect(await drainEndpoint(created.id)).toBe(1);
    expect(await drainEndpoint(bystander.id)).toBe(0);
    expect(other.received).toHaveLength(0);
    const [delivery] = target.received;
    expect(delivery!.headers["webhook-id"]).toBe(sent.messageId);
    expect(new Webhook(created.secret).verify(delivery!.body, delivery!.headers as Record<string, string>)).toMatchObject({ type: "webhook.test", data: { endpoint: { id: created.id }, by: admin.label } });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: sent.deliveryId } })).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatusCode: 200, eventType: "webhook.test" });
    expect(await db.auditEvent.findFirst({ where: { action: "webhook.test", entityId: String(created.id) } })).toMatchObject({ details: { deliveryId: sent.deliveryId } });

    await setWebhookEndpointEnabled(created.id, false, admin);
    const refused = await sendWebhookTestEvent(created.id, admin).catch((caught: unknown) => caught);
    expect(isAppError(refused) && refused.message).toBe("This endpoint is disabled: enable it to send it a test event.");
    expect(await db.webhookDelivery.count({ where: { endpointId: created.id } })).toBe(1);
  });

  it("keeps signing secrets sealed at rest: a database dump cannot sign; a rotation's overlap and a plain row from before still sign", async () => {
    const target = await receiver(() => ({ status: 200 }));
    const created = await endpoint(target.url, ["import.completed"]);
    const stored = () => db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id }, select: { secret: true, previousSecret: true } });
    expect((await stored()).secret).toMatch(/^sealed:v1:/);
    expect((await stored()).secret).not.toContain(created.secret.slice(6));

    const rotated = await rotateWebhookSecret(created.id, admin);
    expect(await stored()).toMatchObject({ secret: expect.stringMatching(/^sealed:v1:/), previousSecret: expect.stringMatching(/^sealed:v1:/) });
    await sendWebhookTestEvent(created.id, admin);
    expect(await drainEndpoint(created.id)).toBe(1);
    for (const secret of [created.secret, rotated.secret]) expect(() => new Webhook(secret).verify(target.received[0]!.body, target.received[0]!.headers as Record<string, string>)).not.toThrow();

    // An endpoint stored before sealing (plain whsec_…) signs as before.
    const plain = "whsec_cGxhaW5vbGRzZWNyZXRwbGFpbm9sZHNlY3JldA==";
    await db.webhookEndpoint.update({ where: { id: created.id }, data: { secret: plain, previousSecret: null, previousSecretUntil: null } });
    await sendWebhookTestEvent(created.id, admin);
    expect(await drainEndpoint(created.id)).toBe(1);
    expect(() => new Webhook(plain).verify(target.received[1]!.body, target.received[1]!.headers as Record<string, string>)).not.toThrow();
  });

  it("keeps a comment's events in order across failures, while other comments' events go ahead", async () => {
    let failFirst = true;
    const target = await receiver((received) => {
      const type = JSON.parse(received.body) as { data: { decision: { action: string } } };
      if (failFirst && type.data.decision.action === "HIDE") return { status: 503 };
      return { status: 200 };
    });
    const created = await endpoint(target.url);
    const moderator = await makeModerator();
    const article = await makeArticle();
    const [first, other] = [await makeComment(article), await makeComment(article)];
    await hide(first.id, moderator);
    const undo = await db.decision.findFirstOrThrow({ where: { commentId: first.id }, orderBy: { id: "desc" } });
    // A second event for the same comment: the hide reverted.
    const { revertDecision } = await import("@/lib/moderation/revert-decision");
    await revertDecision({ decisionId: undo.id, expectedVersion: 1 }, moderator);
    await approve(other.id, moderator);

    await drainEndpoint(created.id);
    const actions = () => target.received.map((entry) => (JSON.parse(entry.body) as { data: { comment: { id: number }; decision: { action: string } } }).data);
    // The hide failed; the revert of the same comment waited; the other comment's approval went
    // (both were in flight at once: their order between them is free).
    expect(actions().map((data) => [data.comment.id, data.decision.action]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [first.id, "HIDE"],
      [other.id, "APPROVE"],
    ]);
    const failed = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: created.id, status: "PENDING" }, orderBy: { id: "asc" } });
    expect(failed.attempts).toBe(1);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    failFirst = false;
    await db.webhookDelivery.updateMany({ where: { endpointId: created.id, status: "PENDING" }, data: { nextAttemptAt: new Date(0) } });
    await drainEndpoint(created.id);
    expect(actions().slice(2).map((data) => [data.comment.id, data.decision.action])).toEqual([
      [first.id, "HIDE"],
      [first.id, "REVERT"],
    ]);
    expect(await db.webhookDelivery.count({ where: { endpointId: created.id, status: { not: "SUCCEEDED" } } })).toBe(0);
  });

  it("a dead receiver: retried later, then marked dead after the last attempt", async () => {
    const target = await receiver(() => ({ status: 200 }));
    await target.close();
    const created = await endpoint(target.url);
    const moderator = await makeModerator();
    await hide((await makeComment(await makeArticle())).id, moderator);

    await drainEndpoint(created.id);
    let row = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: created.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null });
    expect(row.lastResponse).toMatch(/ECONNREFUSED/);

    await db.webhookDelivery.update({ where: { id: row.id }, data: { attempts: MAX_ATTEMPTS - 1, nextAttemptAt: new Date(0) } });
    await drainEndpoint(created.id);
    row = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: created.id } });
    expect(row).toMatchObject({ status: "DEAD", attempts: MAX_ATTEMPTS });
  });

  it("gives up on a hanging receiver at its timeout, and never follows a redirect", async () => {
    const hanging = await receiver(() => "hang");
    const redirecting = await receiver(() => ({ status: 307, headers: { location: "http://169.254.169.254/latest" } }));
    const slow = await endpoint(hanging.url, ["comment.decided"], { timeoutMs: 500 });
    const moved = await endpoint(redirecting.url);
    await hide((await makeComment(await makeArticle())).id, await makeModerator());

    await Promise.all([drainEndpoint(slow.id), drainEndpoint(moved.id)]);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: slow.id } })).toMatchObject({ status: "PENDING", lastResponse: "timed out after 500 ms" });
    const redirected = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: moved.id } });
    expect(redirected).toMatchObject({ status: "PENDING", lastStatusCode: 307 });
    expect(redirected.lastResponse).toContain("redirect not followed");
    expect(redirecting.received).toHaveLength(1);
  });

  it("refuses a loopback receiver unless the endpoint allows private networks", async () => {
    const target = await receiver(() => ({ status: 200 }));
    // The form's schema refuses such a URL outright (unit-tested); an endpoint whose permission was
    // withdrawn, or whose host name resolves to loopback, is still refused at delivery.
    const created = await endpoint(target.url, ["comment.decided"], { allowPrivateNetwork: true });
    await db.webhookEndpoint.update({ where: { id: created!.id }, data: { allowPrivateNetwork: false } });
    await hide((await makeComment(await makeArticle())).id, await makeModerator());
    await drainEndpoint(created!.id);
    expect(target.received).toHaveLength(0);
    expect((await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: created!.id } })).lastResponse).toMatch(/private or loopback/);
  });

  it("imports send comment.flagged, comment.decided for an auto-hide and import.completed; rule edits send rule.changed", async () => {
    const target = await receiver(() => ({ status: 200 }));
    const created = await endpoint(target.url, ["comment.flagged", "comment.decided", "import.completed", "rule.changed"]);
    const word = uniqueId("spamword").replaceAll("-", "");
    await createRule(ruleDraftSchema.parse({ name: uniqueId("hook-rule"), category: "SPAM", kind: "TERMS", config: { terms: [word] }, severity: 2, action: "AUTO_HIDE" }), admin);
    await ingestComments({ id: uniqueId("a"), title: "Webhook import", comments: [{ id: uniqueId("c"), body: `buy ${word} now`, postedAt: "2026-11-02T08:00:00Z" }, { id: uniqueId("c"), body: "A fine comment.", postedAt: "2026-11-02T08:05:00Z" }] }, admin);
    await drainEndpoint(created.id);
    const events = target.received.map((entry) => JSON.parse(entry.body) as { type: string; data: { comment?: { id: number }; flags?: { category: string }[] } });
    expect(events.map((event) => event.type).sort()).toEqual(["comment.decided", "comment.flagged", "import.completed", "rule.changed"]);
    // Order holds per comment (flagged before its auto-hide), not across unrelated events.
    const commentEvents = events.filter((event) => event.type.startsWith("comment."));
    expect(commentEvents.map((event) => event.type)).toEqual(["comment.flagged", "comment.decided"]);
    expect(commentEvents[0]!.data.flags!.map((flag) => flag.category)).toEqual(["SPAM"]);
  });
});
