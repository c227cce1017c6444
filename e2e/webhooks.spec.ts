import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { credentials, signIn } from "./support/fixtures";
import { withDatabase } from "./support/seed";
import { closeServer } from "../test/support/teardown";
import { expect, test } from "./support/test";

// An admin points Moddesk at the newsroom's receiver (here on loopback, which the admin must allow),
// copies the secret shown once, and a moderator's hide arrives at the receiver signed, within
// seconds, through the job worker of the running app.

test("a hide reaches a signed webhook receiver, and the delivery shows as succeeded", async ({ openPage }) => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200).end("thanks");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/moddesk`;
  let goneUrl = "";

  try {
    const stamp = randomBytes(4).toString("hex");
    const client = new pg.Client({ connectionString: credentials().databaseUrl });
    await client.connect();
    const articleId = (await client.query<{ id: number }>(`INSERT INTO article (key, title, body, "publishedAt") VALUES ($1, $2, 'Text.', now()) RETURNING id`, [`e2e-hook:${stamp}`, `Webhook e2e ${stamp}`])).rows[0]!.id;
    const commentId = (
      await client.query<{ id: number }>(
        `INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt") VALUES ($1, 'e2e', $2, $2, 'Reader', 'A comment to hide.', now() AT TIME ZONE 'UTC') RETURNING id`,
        [articleId, `e2e-hook:${stamp}:0`],
      )
    ).rows[0]!.id;
    await client.end();

    const admin = await openPage();
    await signIn(admin, "admin");
    await admin.goto("/webhooks");
    await admin.getByLabel("Receiver URL").fill(url);
    await admin.getByRole("button", { name: "Add endpoint" }).click();
    await expect(admin.getByText("private or loopback network")).toBeVisible();
    await admin.getByLabel("Allow private and loopback addresses").check();
    await admin.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await admin.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);

    // A second endpoint whose receiver is gone (a port nobody listens on): the page says it is failing.
    const gone = http.createServer();
    gone.listen(0, "127.0.0.1");
    await once(gone, "listening");
    goneUrl = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/gone`;
    gone.close();
    await once(gone, "close");
    await admin.reload();
    await admin.getByLabel("Receiver URL").fill(goneUrl);
    await admin.getByLabel("Allow private and loopback addresses").check();
    await admin.getByRole("button", { name: "Add endpoint" }).click();
    await expect(admin.getByTestId("webhook-secret")).toBeVisible();
    const healthOf = (target: string) => admin.getByTestId("webhook-endpoint").filter({ hasText: target }).getByTestId("endpoint-health");

    const moderator = await openPage();
    await signIn(moderator, "moderator");
    await moderator.goto(`/queue?tab=pending&article=${articleId}`);
    await expect(moderator.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
    const card = moderator.locator(`[data-testid="comment-card"][data-comment-id="${commentId}"]`);
    await card.getByRole("button", { name: "Hide…" }).click();
    await card.getByRole("button", { name: "4 spam" }).click();
    await expect(card).toHaveAttribute("data-status", "HIDDEN");

    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const event = new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>) as { type: string; data: { comment: { id: number }; decision: { action: string; reason: string } } };
    expect(event).toMatchObject({ type: "comment.decided", data: { comment: { id: commentId }, decision: { action: "HIDE", reason: "SPAM" } } });

    await admin.reload();
    await expect(admin.getByTestId("delivery-status").filter({ hasText: "succeeded" }).first()).toBeVisible();
    await expect(healthOf(url)).toHaveText("Answering");

    // Day one: "Send test event" reaches the receiver signed, whatever the endpoint subscribed to.
    const endpointCard = admin.getByTestId("webhook-endpoint").filter({ hasText: url });
    await endpointCard.getByRole("button", { name: "Send test event" }).click();
    await expect(endpointCard.getByRole("status")).toContainText("Test event queued as delivery #");
    await expect.poll(() => received.filter((entry) => entry.body.includes('"webhook.test"')).length, { timeout: 20_000 }).toBe(1);
    const test = received.find((entry) => entry.body.includes('"webhook.test"'))!;
    expect(new Webhook(secret).verify(test.body, test.headers as Record<string, string>)).toMatchObject({ type: "webhook.test" });
    // After an outage past the retry schedule: the hide's delivery is dead; "Resend 1 dead" sends it
    // again with the same webhook-id, so a receiver that had it drops the repeat.
    await withDatabase((client) => client.query(`UPDATE webhook_delivery SET status = 'DEAD' WHERE "eventType" = 'comment.decided' AND "commentId" = $1`, [commentId]));
    await admin.reload();
    await endpointCard.getByRole("button", { name: "Resend 1 dead" }).click();
    await expect(endpointCard.getByRole("status")).toContainText("1 dead delivery queued again");
    await expect.poll(() => received.filter((entry) => entry.headers["webhook-id"] === received[0]!.headers["webhook-id"]).length, { timeout: 20_000 }).toBe(2);
    // The test delivery's key (test:msg_…) is one long word: on a phone the deliveries table must wrap it.
    const desktop = admin.viewportSize()!;
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.reload();
    await expect(admin.getByTestId("webhook-deliveries")).toContainText("webhook.test");
    expect(await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), "/webhooks scrolls sideways at 390 px").toBeLessThanOrEqual(0);
    await admin.setViewportSize(desktop);

    await expect
      .poll(async () => {
        await admin.reload();
        return healthOf(goneUrl).textContent();
      }, { timeout: 20_000 })
      .toMatch(/^Failing since .+ \(\d+ failed attempts? in a row\)/);
  } finally {
    // Later specs share this database: no endpoint left retrying deliveries to a closed port.
    await withDatabase((client) => client.query(`UPDATE webhook_endpoint SET enabled = false WHERE url = ANY($1)`, [[url, goneUrl].filter(Boolean)]));
    await closeServer(server);
  }
});
