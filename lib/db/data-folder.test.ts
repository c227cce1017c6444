import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensurePrivateFolder, readOrCreateSecret } from "./data-folder";

const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-data-folder-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("the data folder's modes", () => {
  it("makes the folder 0700, also one an earlier version left open", () => {
    const dir = path.join(scratch, "open");
    ensurePrivateFolder(dir);
    expect(modeOf(dir)).toBe(0o700);
    chmodSync(dir, 0o755);
    ensurePrivateFolder(dir);
    expect(modeOf(dir)).toBe(0o700);
  });

  it("writes a new secret 0600 and tightens an existing one", () => {
    const created = path.join(scratch, "auth-secret");
    expect(readOrCreateSecret(created, () => "fresh-secret")).toBe("fresh-secret");
    expect(modeOf(created)).toBe(0o600);
    const old = path.join(scratch, "pg-password");
    writeFileSync(old, "old-secret\n", { mode: 0o644 });
    chmodSync(old, 0o644);
    expect(readOrCreateSecret(old, () => "never used")).toBe("old-secret");
    expect(modeOf(old)).toBe(0o600);
  });

  it("keeps the first value when the file appears between the check and the write", () => {
    const file = path.join(scratch, "audit-key");
    const value = readOrCreateSecret(file, () => {
      writeFileSync(file, "written by another process\n");
      return "ours";
    });
    expect(value).toBe("written by another process");
    expect(readFileSync(file, "utf8")).toBe("written by another process\n");
    expect(modeOf(file)).toBe(0o600);
  });
});
