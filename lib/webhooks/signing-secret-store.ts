import "server-only";
import { createHmac } from "node:crypto";
import { auditKey } from "@/lib/audit/audit-key";
import { openText, sealText } from "@/lib/security/sealed-json";
import { newWebhookSecret, type SigningSecrets } from "./signing";

// Webhook endpoints' and EXTERNAL rules' signing secrets as stored: sealed under a key derived from
// the audit key (outside the database, own label), as connectors' credentials are. With a database
// dump alone, nobody can sign a "comment hidden" webhook that a newsroom's receiver would believe.

const holder = globalThis as unknown as { moddeskSigningKey?: Buffer };

function signingSecretKey(): Buffer {
  holder.moddeskSigningKey ??= createHmac("sha256", auditKey()).update("moddesk signing secrets v1").digest();
  return holder.moddeskSigningKey;
}

export function sealSigningSecret(secret: string): string {
  return sealText(secret, signingSecretKey());
}

function openOrNull(stored: string): string | null {
  try {
    return openText(stored, signingSecretKey());
  } catch {
    return null;
  }
}

/**
 * The secrets to sign with, from their stored form (plain ones from before sealing included). A
 * secret sealed under another audit key cannot be recovered: a throwaway one signs instead, the
 * receiver refuses those calls (the Webhooks page or the rule shows the failures) and a rotation
 * gives a new secret.
 */
export function openSigningSecrets(stored: { secret: string; previousSecret: string | null; previousSecretUntil: Date | null }): SigningSecrets {
  const previousSecret = stored.previousSecret === null ? null : openOrNull(stored.previousSecret);
  return { secret: openOrNull(stored.secret) ?? newWebhookSecret(), previousSecret, previousSecretUntil: previousSecret === null ? null : stored.previousSecretUntil };
}
