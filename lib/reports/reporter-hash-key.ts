import "server-only";
import { createHmac } from "node:crypto";
import { auditKey } from "@/lib/audit/audit-key";

// The key reader ids are hashed under: derived from the audit key (AUDIT_HMAC_KEY or the data
// folder's audit-key file), so there is no second secret to back up, and domain-separated so a
// reporter hash can never be mistaken for, or help forge, an audit hash.
const holder = globalThis as unknown as { moddeskReporterKey?: Buffer };

export function reporterHashKey(): Buffer {
  holder.moddeskReporterKey ??= createHmac("sha256", auditKey()).update("moddesk reader-report reporter id v1").digest();
  return holder.moddeskReporterKey;
}
