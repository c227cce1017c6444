import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decideComment } from "@/lib/moderation/decide-comment";
import { makeArticle, makeComment, makeModerator } from "@/lib/moderation/test-factories";
import { drainEndpoint } from "@/lib/webhooks/drain-webhook-outbox";
import { createWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";

// A receiver that answers with a binary body (gzip, an image, a proxy's error page) holds NUL bytes.
// The attempt's answer is stored (lastResponse), PostgreSQL refused the NUL, so the attempt was never
// recorded: the delivery stayed due and went out again on every drain, to a receiver that had it.

const servers: http.Server[] = [];
afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("a webhook receiver answering with NUL bytes", () => {
  it("gets the delivery once: the attempt is recorded, its answer without the NULs", async () => {
    let hits = 0;
    const server = http.createServer((request, response) => {
      hits += 1;
      request.resume();
      request.on("end", () => response.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.from([0x6f, 0x6b, 0x00, 0x1f, 0x8b, 0x00])));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    servers.push(server);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const endpoint = await createWebhookEndpoint({ url, events: ["comment.decided"], timeoutMs: 2_000, allowPrivateNetwork: true }, { id: null, label: "binary-answer-test" });
    try {
      const moderator = await makeModerator();
      const comment = await makeComment(await makeArticle());
      await decideComment({ action: "APPROVE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING" }, moderator);
      await drainEndpoint(endpoint.id).catch(() => 0);
      await drainEndpoint(endpoint.id).catch(() => 0);
      expect(hits).toBe(1);
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id }, select: { status: true, attempts: true, lastResponse: true } });
      expect(delivery).toEqual({ status: "SUCCEEDED", attempts: 1, lastResponse: expect.stringMatching(/^ok/) });
      expect(delivery.lastResponse).not.toContain("\u0000");
    } finally {
      await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false } });
    }
  });
});
