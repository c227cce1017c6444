import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Credentials Moddesk must send in full later (a WordPress application password, Disqus's secret
// key and access token) cannot be hashed like API tokens; they are sealed instead: AES-256-GCM under
// a key that lives outside the database (derived from the audit key, lib/connectors/connector-secrets.ts).
// A database dump or backup then holds no working credential. Pure: the key is passed in.

const PREFIX = "sealed:v1:";

/** `sealed:v1:<iv>.<tag>.<ciphertext>` (base64url) of the value's JSON; a fresh IV every time. */
export function sealJson(value: unknown, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return `${PREFIX}${[iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url")).join(".")}`;
}

/** Stored before sealing: plain JSON, read as it is (sealed on the next save). */
export function isSealed(text: string): boolean {
  return text.startsWith(PREFIX);
}

/**
 * The value sealJson sealed, or the plain JSON an earlier version stored. Throws when the text was
 * sealed under another key (the audit key changed) or altered: GCM's tag fails.
 */
export function openJson(text: string, key: Buffer): unknown {
  if (!isSealed(text)) return JSON.parse(text);
  const [iv, tag, sealed] = text.slice(PREFIX.length).split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !sealed || iv.length !== 12 || tag.length !== 16) throw new Error("the sealed value is malformed");
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8"));
}

/** A secret string sealed as sealJson seals it. */
export function sealText(text: string, key: Buffer): string {
  return sealJson(text, key);
}

/** The string sealText sealed, or the plain string stored before sealing; throws like openJson. */
export function openText(stored: string, key: Buffer): string {
  if (!isSealed(stored)) return stored;
  const value = openJson(stored, key);
  if (typeof value !== "string") throw new Error("the sealed value is not text");
  return value;
}
