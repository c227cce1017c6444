import { createHmac, timingSafeEqual } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { newWebhookSecret, webhookHeaders } from "./signing";

// What docs/webhooks.md tells a receiver to do, written out by hand as a receiver without a
// Standard Webhooks library would (the doc's PHP does the same steps), checked against the headers
// Moddesk sends. If the signing changes, this is the test that says the documented receiver broke.

const TOLERANCE_SECONDS = 5 * 60;

function verifyByHand(secret: string, headers: Record<string, string>, rawBody: string, now = Date.now()): boolean {
  const id = headers["webhook-id"] ?? "";
  const timestamp = headers["webhook-timestamp"] ?? "";
  if (id === "" || !/^\d+$/.test(timestamp) || Math.abs(Math.floor(now / 1000) - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = Buffer.from(`v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${rawBody}`).digest("base64")}`);
  return (headers["webhook-signature"] ?? "").split(" ").some((signature) => {
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const body = JSON.stringify({ type: "comment.decided", timestamp: "2026-12-06T09:00:00.000Z", data: { comment: { id: 7, status: "HIDDEN" }, note: "ünïcödé, \"quotes\"" } });
const sentAt = new Date();

describe("a receiver verifying by hand, as docs/webhooks.md describes", () => {
  it("accepts what Moddesk signs: key from base64 after whsec_, content id.timestamp.body, v1,<base64>", () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders({ secret, previousSecret: null, previousSecretUntil: null }, "msg_doc_1", sentAt, body);
    expect(verifyByHand(secret, headers, body)).toBe(true);
  });

  it("accepts either secret while both sign after a rotation (signatures separated by a space)", () => {
    const [secret, previousSecret] = [newWebhookSecret(), newWebhookSecret()];
    const headers = webhookHeaders({ secret, previousSecret, previousSecretUntil: new Date(sentAt.getTime() + 60_000) }, "msg_doc_2", sentAt, body);
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(verifyByHand(previousSecret, headers, body)).toBe(true);
    expect(verifyByHand(secret, headers, body)).toBe(true);
  });

  it("refuses a changed body, a body parsed and serialized again, another secret and the secret used as text", () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders({ secret, previousSecret: null, previousSecretUntil: null }, "msg_doc_3", sentAt, body);
    expect(verifyByHand(secret, headers, body.replace("HIDDEN", "APPROVED"))).toBe(false);
    expect(verifyByHand(secret, headers, JSON.stringify(JSON.parse(body), null, 2))).toBe(false);
    expect(verifyByHand(newWebhookSecret(), headers, body)).toBe(false);
    const textKey = `v1,${createHmac("sha256", secret).update(`msg_doc_3.${headers["webhook-timestamp"]}.${body}`).digest("base64")}`;
    expect(headers["webhook-signature"]).not.toBe(textKey);
  });

  it("refuses a delivery replayed after the 5-minute window, and one stamped in the future", () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders({ secret, previousSecret: null, previousSecretUntil: null }, "msg_doc_4", sentAt, body);
    expect(verifyByHand(secret, headers, body, sentAt.getTime() + 4 * 60_000)).toBe(true);
    expect(verifyByHand(secret, headers, body, sentAt.getTime() + 6 * 60_000)).toBe(false);
    expect(verifyByHand(secret, headers, body, sentAt.getTime() - 6 * 60_000)).toBe(false);
  });
});

describe("the library call docs/webhooks.md shows", () => {
  it("reads a plain headers object (node:http), and needs Object.fromEntries for a Fetch Headers object", () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders({ secret, previousSecret: null, previousSecretUntil: null }, "msg_doc_5", sentAt, body);
    const fetchHeaders = new Headers({ ...headers, "content-type": "application/json" });
    expect(() => new Webhook(secret).verify(body, fetchHeaders as unknown as Record<string, string>)).toThrow("Missing required headers");
    expect(new Webhook(secret).verify(body, Object.fromEntries(fetchHeaders))).toMatchObject({ type: "comment.decided" });
  });
});
