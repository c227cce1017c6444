import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decideComment } from "@/lib/moderation/decide-comment";
import { revertDecision } from "@/lib/moderation/revert-decision";
import { makeArticle, makeComment, makeModerator } from "@/lib/moderation/test-factories";
import { drainEndpoint } from "./drain-webhook-outbox";
import { BREAKER_THRESHOLD, DELIVERIES_IN_FLIGHT } from "./endpoint-breaker";
import { createWebhookEndpoint } from "./manage-endpoints";

// Per-endpoint concurrency and the circuit breaker, against real receivers on loopback.

const admin = { id: null, label: "webhook-breaker-test" };
const servers: http.Server[] = [];

interface Arrival {
  commentId: number;
  action: string;
}

/**
 * A receiver that keeps count of the requests open at once. While `hold` is set it answers only
 * when DELIVERIES_IN_FLIGHT requests are open together (or no other arrives for a while), so a
 * drain that posts one at a time shows up as a maximum of 1. Mode "reset" drops every connection.
 */
async function receiver() {
  const state = { mode: "ok" as "ok" | "reset", hold: true, open: 0, maxOpen: 0, requests: 0, arrivals: [] as Arrival[] };
  const waiting: (() => void)[] = [];
  const release = () => waiting.splice(0).forEach((answer) => answer());
  const server = http.createServer((request, response) => {
    state.requests += 1;
    if (state.mode === "reset") return void request.socket.destroy();
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const data = (JSON.parse(body) as { data: { comment: { id: number }; decision: { action: string } } }).data;
      state.arrivals.push({ commentId: data.comment.id, action: data.decision.action });
      state.open += 1;
      state.maxOpen = Math.max(state.maxOpen, state.open);
      waiting.push(() => {
        state.open -= 1;
        response.writeHead(204).end();
      });
      if (!state.hold || state.open >= DELIVERIES_IN_FLIGHT) release();
      // The last few of a backlog never fill every lane: let them through.
      else setTimeout(release, 300);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, state };
}

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Hides `count` new comments, then reverts each hide: two events per comment, hide first. */
async function hideAndRevert(count: number): Promise<number[]> {
  const moderator = await makeModerator();
  const article = await makeArticle();
  const ids: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const comment = await makeComment(article);
    const hidden = await decideComment({ action: "HIDE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "SPAM" }, moderator);
    await revertDecision({ decisionId: hidden.decisionId, expectedVersion: 1 }, moderator);
    ids.push(comment.id);
  }
  return ids;
}

const endpointRow = (id: number) => db.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { consecutiveFailures: true, failingSince: true, pausedUntil: true } });
const pendingOf = (endpointId: number) => db.webhookDelivery.count({ where: { endpointId, status: "PENDING" } });
const dueNow = (endpointId: number) => db.webhookEndpoint.update({ where: { id: endpointId }, data: { pausedUntil: new Date(Date.now() - 1_000) } });

describe("webhook delivery per endpoint", () => {
  it("has several deliveries in flight at once, never more than the limit, and a comment's events still in order", async () => {
    const target = await receiver();
    const endpoint = await createWebhookEndpoint({ url: target.url, events: ["comment.decided"], timeoutMs: 5_000, allowPrivateNetwork: true }, admin);
    const ids = await hideAndRevert(DELIVERIES_IN_FLIGHT * 2);

    expect(await drainEndpoint(endpoint.id)).toBe(ids.length * 2);
    expect(target.state.maxOpen).toBe(DELIVERIES_IN_FLIGHT);
    for (const id of ids) expect(target.state.arrivals.filter((arrival) => arrival.commentId === id).map((arrival) => arrival.action)).toEqual(["HIDE", "REVERT"]);
    expect(await pendingOf(endpoint.id)).toBe(0);
  });

  it("pauses a dead endpoint after a few failures, probes it with one delivery at a time, and drains the backlog when it is back", async () => {
    const target = await receiver();
    target.state.mode = "reset";
    target.state.hold = false;
    const endpoint = await createWebhookEndpoint({ url: target.url, events: ["comment.decided"], timeoutMs: 5_000, allowPrivateNetwork: true }, admin);
    const ids = await hideAndRevert(10);

    // The first lanes fail and trip the breaker: no attempt at every pending delivery.
    const first = await drainEndpoint(endpoint.id);
    expect(first).toBeGreaterThanOrEqual(BREAKER_THRESHOLD);
    expect(first).toBeLessThanOrEqual(Math.max(DELIVERIES_IN_FLIGHT, BREAKER_THRESHOLD));
    expect(target.state.requests).toBe(first);
    const tripped = await endpointRow(endpoint.id);
    expect(tripped.consecutiveFailures).toBe(first);
    expect(tripped.failingSince).not.toBeNull();
    expect(tripped.pausedUntil!.getTime()).toBeGreaterThan(Date.now());

    // Paused: nothing goes out.
    expect(await drainEndpoint(endpoint.id)).toBe(0);
    expect(target.state.requests).toBe(first);

    // The pause over: one probe, which fails and pauses it again for longer.
    await dueNow(endpoint.id);
    await db.webhookDelivery.updateMany({ where: { endpointId: endpoint.id, status: "PENDING" }, data: { nextAttemptAt: new Date(0) } });
    expect(await drainEndpoint(endpoint.id)).toBe(1);
    const probed = await endpointRow(endpoint.id);
    expect(probed.consecutiveFailures).toBe(first + 1);
    expect(probed.failingSince).toEqual(tripped.failingSince);
    expect(probed.pausedUntil!.getTime() - Date.now()).toBeGreaterThan(tripped.pausedUntil!.getTime() - Date.now());
    // Every delivery is still waiting for the endpoint; none was given up.
    expect(await pendingOf(endpoint.id)).toBe(ids.length * 2);

    // Back up: the probe succeeds, the breaker closes, the backlog drains in order per comment.
    target.state.mode = "ok";
    await dueNow(endpoint.id);
    await db.webhookDelivery.updateMany({ where: { endpointId: endpoint.id, status: "PENDING" }, data: { nextAttemptAt: new Date(0) } });
    expect(await drainEndpoint(endpoint.id)).toBe(ids.length * 2);
    expect(await endpointRow(endpoint.id)).toEqual({ consecutiveFailures: 0, failingSince: null, pausedUntil: null });
    expect(await pendingOf(endpoint.id)).toBe(0);
    for (const id of ids) expect(target.state.arrivals.filter((arrival) => arrival.commentId === id).map((arrival) => arrival.action)).toEqual(["HIDE", "REVERT"]);
  });
});
