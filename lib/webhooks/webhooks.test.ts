import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, MAX_RETRY_AFTER_SECONDS, retryAfterSeconds, retryDelaySeconds, totalRetryWindowSeconds, webhookRetrySeconds } from "./backoff";
import { endpointUrlProblem, isNonPublicAddress } from "./network-guard";
import { newWebhookSecret, webhookHeaders } from "./signing";

describe("which addresses a webhook may not reach without an admin's say-so", () => {
  it.each([
    ["127.0.0.1", true], ["10.1.2.3", true], ["172.16.0.1", true], ["172.31.255.255", true], ["192.168.1.1", true], ["169.254.169.254", true],
    ["100.64.0.1", true], ["0.0.0.0", true], ["224.0.0.1", true], ["::1", true], ["::", true], ["fd00::1", true], ["fe80::1", true], ["::ffff:127.0.0.1", true],
    ["93.184.216.34", false], ["172.32.0.1", false], ["8.8.8.8", false], ["2606:4700::1111", false], ["::ffff:8.8.8.8", false], ["not-an-ip", true],
  ])("%s → non-public: %s", (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });

  it("refuses other schemes, credentials in the URL and private literals, unless private networks are allowed", () => {
    expect(endpointUrlProblem("ftp://example.org/hook", false)).toMatch(/Only http and https/);
    expect(endpointUrlProblem("file:///etc/passwd", true)).toMatch(/Only http and https/);
    expect(endpointUrlProblem("https://user:pw@example.org/hook", false)).toMatch(/credentials/);
    expect(endpointUrlProblem("http://localhost:8080/hook", false)).toMatch(/private or loopback/);
    expect(endpointUrlProblem("http://[::1]:8080/hook", false)).toMatch(/private or loopback/);
    expect(endpointUrlProblem("http://169.254.169.254/latest/meta-data", false)).toMatch(/private or loopback/);
    expect(endpointUrlProblem("http://127.0.0.1:8080/hook", true)).toBeNull();
    expect(endpointUrlProblem("https://cms.example.org/hook", false)).toBeNull();
  });
});

describe("retries", () => {
  it("keep trying for more than a day, with growing delays, then stop", () => {
    expect(totalRetryWindowSeconds()).toBeGreaterThan(24 * 3600);
    const delays = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, index) => retryDelaySeconds(index + 1)!);
    for (let index = 1; index < delays.length; index++) expect(delays[index]!).toBeGreaterThanOrEqual(delays[index - 1]!);
    expect(retryDelaySeconds(MAX_ATTEMPTS)).toBeNull();
  });
});

describe("signatures", () => {
  const body = JSON.stringify({ type: "comment.decided", data: { decision: { id: 1 } } });
  const sentAt = new Date();

  it("verify with the standard library, and fail on a changed body", () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders({ secret, previousSecret: null, previousSecretUntil: null }, "msg_1", sentAt, body);
    expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(secret).verify(body.replace("1", "2"), headers)).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("are made with both secrets during a rotation's overlap, and with the new one after it", () => {
    const [secret, previousSecret] = [newWebhookSecret(), newWebhookSecret()];
    const during = webhookHeaders({ secret, previousSecret, previousSecretUntil: new Date(sentAt.getTime() + 60_000) }, "msg_2", sentAt, body);
    expect(() => new Webhook(previousSecret).verify(body, during)).not.toThrow();
    expect(() => new Webhook(secret).verify(body, during)).not.toThrow();
    const after = webhookHeaders({ secret, previousSecret, previousSecretUntil: new Date(sentAt.getTime() - 1) }, "msg_3", sentAt, body);
    expect(() => new Webhook(previousSecret).verify(body, after)).toThrow();
    expect(() => new Webhook(secret).verify(body, after)).not.toThrow();
  });
});

describe("a receiver's Retry-After and the jitter (Standard Webhooks, RFC 9110 §10.2.3)", () => {
  const now = new Date("2026-12-07T04:00:00Z");

  it("reads delay-seconds and an HTTP-date, refuses the unreadable and the past, caps the long", () => {
    expect(retryAfterSeconds("120", now)).toBe(120);
    expect(retryAfterSeconds(" 0 ", now)).toBe(0);
    expect(retryAfterSeconds("Mon, 07 Dec 2026 04:10:00 GMT", now)).toBe(600);
    expect(retryAfterSeconds("Mon, 07 Dec 2026 03:59:00 GMT", now)).toBeNull();
    expect(retryAfterSeconds("soon", now)).toBeNull();
    expect(retryAfterSeconds("-5", now)).toBeNull();
    expect(retryAfterSeconds(undefined, now)).toBeNull();
    expect(retryAfterSeconds("9999999", now)).toBe(MAX_RETRY_AFTER_SECONDS);
  });

  it("waits the schedule's delay plus at most 10% jitter, never less than Retry-After, and nothing after the last attempt", () => {
    expect(webhookRetrySeconds(1, null, () => 0)).toBe(retryDelaySeconds(1));
    expect(webhookRetrySeconds(4, null, () => 0.999)).toBe(Math.round(retryDelaySeconds(4)! * 1.0999));
    expect(webhookRetrySeconds(1, 900, () => 0.5)).toBe(900);
    expect(webhookRetrySeconds(6, 60, () => 0)).toBe(retryDelaySeconds(6));
    expect(webhookRetrySeconds(MAX_ATTEMPTS, 60, () => 0)).toBeNull();
  });
});
