import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { decideComment } from "@/lib/moderation/decide-comment";
import { makeArticle, makeComment, makeModerator } from "@/lib/moderation/test-factories";
import { drainEndpoint } from "./drain-webhook-outbox";
import { createWebhookEndpoint } from "./manage-endpoints";
import { MAX_RETRY_AFTER_SECONDS } from "./backoff";
import { resendDeadWebhookDeliveries } from "./resend-dead-deliveries";
import { closeTestReceivers, startTestReceiver, type ReceivedRequest } from "./test-receiver";

// What a site's engineer needs after an outage or a broken receiver, and what the receiver's answers
// mean (Standard Webhooks, https://www.standardwebhooks.com: "Delivery success and failure",
// "Visibility into failures and manual retries"), against a real receiver on loopback.

const admin = { id: null, label: "webhook-replay-test" };

interface Received {
  id: string;
  body: { type: string; data: { comment?: { id: number }; decision?: { action: string } } };
}

function toDelivery(request: ReceivedRequest): Received {
  return { id: String(request.headers["webhook-id"]), body: JSON.parse(request.body) as Received["body"] };
}

/** A receiver whose deliveries are read as their webhook-id and event. */
async function receiver(answer: (index: number) => { status: number; headers?: Record<string, string> }) {
  const target = await startTestReceiver((_, index) => answer(index));
  return {
    url: target.url,
    get received(): Received[] {
      return target.received.map(toDelivery);
    },
  };
}

afterAll(closeTestReceivers);

async function decide(commentId: number, action: "HIDE" | "APPROVE", moderator: { id: string; label: string }) {
  const comment = await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { version: true, status: true } });
  const expected = { commentId, expectedVersion: comment.version, expectedStatus: comment.status };
  return decideComment(action === "HIDE" ? { action, ...expected, reason: "ABUSIVE" } : { action, ...expected }, moderator);
}

describe("replaying dead deliveries", () => {
  it("queues every dead delivery of the endpoint again, same webhook-ids, a comment's events in order, and audits it", async () => {
    const target = await receiver(() => ({ status: 204 }));
    const endpoint = await createWebhookEndpoint({ url: target.url, events: ["comment.decided"], timeoutMs: 2_000, allowPrivateNetwork: true }, admin);
    const moderator = await makeModerator();
    const articleId = await makeArticle();
    const first = await makeComment(articleId);
    const second = await makeComment(articleId);
    await decide(first.id, "HIDE", moderator);
    await decide(second.id, "HIDE", moderator);
    await decide(first.id, "APPROVE", moderator);
    // An outage longer than the retry schedule: every delivery ran out of attempts.
    await db.webhookDelivery.updateMany({ where: { endpointId: endpoint.id }, data: { status: "DEAD", attempts: 12 } });
    const dead = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { id: "asc" }, select: { messageId: true } });
    expect(await drainEndpoint(endpoint.id)).toBe(0);

    const result = await resendDeadWebhookDeliveries(endpoint.id, admin);
    expect(result).toEqual({ endpointId: endpoint.id, requeued: 3 });
    await drainEndpoint(endpoint.id);

    expect(target.received.map((delivery) => delivery.id).sort()).toEqual(dead.map((row) => row.messageId).sort());
    const firstsEvents = target.received.filter((delivery) => delivery.body.data.comment?.id === first.id).map((delivery) => delivery.body.data.decision?.action);
    expect(firstsEvents).toEqual(["HIDE", "APPROVE"]);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "SUCCEEDED" } })).toBe(3);
    expect(await db.auditEvent.findFirst({ where: { action: "webhook.resend_dead", entityId: String(endpoint.id) }, orderBy: { id: "desc" } })).toMatchObject({ details: { requeued: 3 } });
  });

  it("with a since, leaves older dead deliveries dead; a missing endpoint is NOT_FOUND", async () => {
    const target = await receiver(() => ({ status: 200 }));
    const endpoint = await createWebhookEndpoint({ url: target.url, events: ["comment.decided"], timeoutMs: 2_000, allowPrivateNetwork: true }, admin);
    const moderator = await makeModerator();
    const articleId = await makeArticle();
    await decide((await makeComment(articleId)).id, "HIDE", moderator);
    await decide((await makeComment(articleId)).id, "HIDE", moderator);
    const [older, newer] = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { id: "asc" }, select: { id: true } });
    await db.webhookDelivery.update({ where: { id: older!.id }, data: { status: "DEAD", createdAt: new Date(Date.now() - 3 * 86_400_000) } });
    await db.webhookDelivery.update({ where: { id: newer!.id }, data: { status: "DEAD" } });

    expect(await resendDeadWebhookDeliveries(endpoint.id, admin, new Date(Date.now() - 86_400_000))).toEqual({ endpointId: endpoint.id, requeued: 1 });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: older!.id }, select: { status: true } })).toEqual({ status: "DEAD" });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: newer!.id }, select: { status: true, attempts: true } })).toEqual({ status: "PENDING", attempts: 0 });

    const missing = await resendDeadWebhookDeliveries(2_000_000_000, admin).catch((error: unknown) => error);
    expect(isAppError(missing) && missing.code).toBe("NOT_FOUND");
  });
});

describe("what the receiver's answer asks for", () => {
  it("410 Gone disables the endpoint (audited, by the system), keeps its deliveries, and sends nothing more", async () => {
    const target = await receiver(() => ({ status: 410 }));
    const endpoint = await createWebhookEndpoint({ url: target.url, events: ["comment.decided"], timeoutMs: 2_000, allowPrivateNetwork: true }, admin);
    const moderator = await makeModerator();
    const articleId = await makeArticle();
    for (let index = 0; index < 3; index++) await decide((await makeComment(articleId)).id, "HIDE", moderator);

    await drainEndpoint(endpoint.id);
    expect(target.received.length).toBeLessThanOrEqual(4);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select: { enabled: true } })).toEqual({ enabled: false });
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "PENDING" } })).toBe(3);
    const disabled = await db.auditEvent.findFirstOrThrow({ where: { action: "webhook.disable", entityId: String(endpoint.id) } });
    expect(disabled).toMatchObject({ actorId: null, details: { reason: "the receiver answered 410 Gone" } });

    const sent = target.received.length;
    await db.webhookDelivery.updateMany({ where: { endpointId: endpoint.id }, data: { nextAttemptAt: new Date(0) } });
    expect(await drainEndpoint(endpoint.id)).toBe(0);
    expect(target.received).toHaveLength(sent);
    // A disabled endpoint gets no new events either.
    await decide((await makeComment(articleId)).id, "HIDE", moderator);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(3);
  });

  it("a 503 with Retry-After pauses the endpoint and the delivery at least that long, however early in the schedule", async () => {
    const target = await receiver(() => ({ status: 503, headers: { "retry-after": "900" } }));
    const endpoint = await createWebhookEndpoint({ url: target.url, events: ["comment.decided"], timeoutMs: 2_000, allowPrivateNetwork: true }, admin);
    const moderator = await makeModerator();
    const articleId = await makeArticle();
    await decide((await makeComment(articleId)).id, "HIDE", moderator);
    await decide((await makeComment(articleId)).id, "HIDE", moderator);

    const before = Date.now();
    await drainEndpoint(endpoint.id);
    // Four lanes: both may have gone out before the first 503 came back; none goes out after it.
    const firstAnswered = target.received.length;
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select: { pausedUntil: true } });
    expect(row.pausedUntil!.getTime()).toBeGreaterThanOrEqual(before + 899_000);
    expect(row.pausedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + MAX_RETRY_AFTER_SECONDS * 1_000);
    for (const failed of await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id, lastStatusCode: 503 } })) {
      expect(failed.status).toBe("PENDING");
      expect(failed.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 899_000);
    }
    expect(await drainEndpoint(endpoint.id)).toBe(0);
    expect(target.received).toHaveLength(firstAnswered);
  });
});
