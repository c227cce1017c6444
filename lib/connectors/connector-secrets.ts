import "server-only";
import { createHmac } from "node:crypto";
import { auditKey } from "@/lib/audit/audit-key";
import { AppError } from "@/lib/errors";
import { openJson, sealJson } from "@/lib/security/sealed-json";

// Connectors' credentials as stored in connector.secret: sealed under a key derived from the audit
// key (AUDIT_HMAC_KEY or the data folder's audit-key file: no second secret to back up), domain-
// separated so it is never the key of an audit or reporter hash. A database dump alone no longer
// hands out the WordPress application password or Disqus's secret and access token.

const holder = globalThis as unknown as { moddeskConnectorKey?: Buffer };

function connectorSecretKey(): Buffer {
  holder.moddeskConnectorKey ??= createHmac("sha256", auditKey()).update("moddesk connector credentials v1").digest();
  return holder.moddeskConnectorKey;
}

export function sealConnectorSecrets(secrets: Record<string, unknown>): string {
  return sealJson(secrets, connectorSecretKey());
}

/** The stored credentials (plain JSON from before sealing included); INVALID in words when this installation's key cannot open them. */
export function openConnectorSecrets(stored: string): Record<string, unknown> {
  try {
    const value = openJson(stored, connectorSecretKey());
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    throw new AppError("INVALID", "The connector's stored credentials cannot be read with this installation's audit key (was AUDIT_HMAC_KEY or the data folder changed?): enter them again on the Connectors page.");
  }
}

/** Tests: forget the derived key (after changing the audit key). */
export function resetConnectorSecretKey(): void {
  holder.moddeskConnectorKey = undefined;
}
