import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

// Standard Webhooks signatures (the `standardwebhooks` package): HMAC-SHA256 over
// "<webhook-id>.<webhook-timestamp>.<body>" with a `whsec_` secret. During a secret rotation both
// the new and the previous secret sign, space-separated, so a receiver holding either verifies.

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export interface SigningSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
}

export function webhookHeaders(secrets: SigningSecrets, messageId: string, sentAt: Date, body: string): Record<string, string> {
  const active = [secrets.secret];
  if (secrets.previousSecret && secrets.previousSecretUntil && secrets.previousSecretUntil > sentAt) active.push(secrets.previousSecret);
  const signature = active.map((secret) => new Webhook(secret).sign(messageId, sentAt, body)).join(" ");
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
