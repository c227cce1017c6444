import { createHmac } from "node:crypto";

// A reader's id on the site is personal data Moddesk does not need: it only has to tell "the same
// reader again" from "another reader". So it keeps HMAC-SHA256(key, source + id) and never the id:
// without the key the hash cannot be matched to a reader by hashing guessed ids.

/** The stored key of a reader, or of the site's anonymous tally when the site gave no reader id. */
export function reporterKeyFor(key: Buffer, source: string, reporterId: string | undefined): string {
  if (reporterId === undefined) return `anonymous:${source}`;
  // Length-prefixed so that ("ab", "c") and ("a", "bc") never hash alike.
  const mac = createHmac("sha256", key).update(`${source.length}:${source}:${reporterId}`, "utf8").digest("base64url");
  return `hmac:${mac}`;
}
