import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { ensurePrivateFolder, readOrCreateSecret } from "@/lib/db/data-folder";
import { env } from "@/lib/env";

// The audit chain's key lives outside the database, so that a database login (even a superuser)
// can edit rows but cannot recompute their keyed hashes: AUDIT_HMAC_KEY, else the 0600 file
// <data folder>/audit-key, generated on first use. Lose the key and old events can no longer be
// verified: back it up with the data folder (docs/security-data.md).

export const AUDIT_KEY_FILE = "audit-key";
const MIN_KEY_CHARS = 32;

const holder = globalThis as unknown as { moddeskAuditKey?: Buffer };

export function auditKey(): Buffer {
  if (holder.moddeskAuditKey) return holder.moddeskAuditKey;
  const { AUDIT_HMAC_KEY: fromEnv, MODDESK_DATA_DIR: dataDir } = env();
  let key: string;
  if (fromEnv) {
    if (fromEnv.length < MIN_KEY_CHARS) throw new Error(`AUDIT_HMAC_KEY must be at least ${MIN_KEY_CHARS} characters`);
    key = fromEnv;
  } else {
    // A data folder that exists keeps the mode npm start gave it (0710 root:postgres as root).
    if (!existsSync(dataDir)) ensurePrivateFolder(dataDir);
    key = readOrCreateSecret(path.join(dataDir, AUDIT_KEY_FILE), () => randomBytes(32).toString("base64url"));
  }
  holder.moddeskAuditKey = Buffer.from(key, "utf8");
  return holder.moddeskAuditKey;
}

/** Tests: forget the cached key (after changing AUDIT_HMAC_KEY). */
export function resetAuditKeyCache(): void {
  holder.moddeskAuditKey = undefined;
}
