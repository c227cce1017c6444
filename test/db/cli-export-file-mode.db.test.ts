import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// What `--out` writes holds decisions, moderators' notes and readers' words: only its owner may read
// it (docs/security-data.md), whatever the umask, and also when the file was there before.

const dir = mkdtempSync(path.join(os.tmpdir(), "moddesk-out-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Bounded below the test's 60 s: spawnSync blocks the event loop, so that timeout cannot fire during it.
const cli = (args: string[]) =>
  spawnSync(process.execPath, ["bin/moddesk.mjs", ...args], { env: { ...process.env, MODDESK_ALLOW_SUPERUSER: "1" }, encoding: "utf8", timeout: 50_000 });
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("files written by --out", () => {
  it.each([
    ["export", ["export", "--format", "csv"]],
    ["dsa statements", ["dsa", "statements", "--format", "jsonl"]],
    // A rule pack holds EXTERNAL rules' endpoint addresses, keys written into them included.
    ["rules export", ["rules", "export"]],
  ])("%s: a new file and an existing world-readable one are both 0600", (name, args) => {
    const fresh = path.join(dir, `${name.replace(" ", "-")}-new.out`);
    const existing = path.join(dir, `${name.replace(" ", "-")}-old.out`);
    writeFileSync(existing, "old contents\n");
    chmodSync(existing, 0o644);
    for (const file of [fresh, existing]) {
      const result = cli([...args, "--out", file]);
      expect(result.status, result.stderr).toBe(0);
      expect(modeOf(file)).toBe(0o600);
    }
  });
});
