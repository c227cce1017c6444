import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

// The data folder (.moddesk/) holds passwords and keys: the folder is 0700 and every secret 0600,
// also when an earlier version left them readable by all (fixed on the next start). When root runs
// the embedded server, lib/db/embedded-postgres.ts makes the folder root:postgres 0710 so that the
// server can pass through to its cluster; the secrets stay 0600 root.

export function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Reads a secret file (tightening its mode), or writes `create()` to a new one, 0600. */
export function readOrCreateSecret(file: string, create: () => string): string {
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    return readFileSync(file, "utf8").trim();
  }
  const secret = create();
  try {
    // "wx": two processes creating the same secret at once must end up with one value.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    chmodSync(file, 0o600);
    return readFileSync(file, "utf8").trim();
  }
  return secret;
}
