import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { spoolUpload } from "./spool-upload";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "moddesk-spool-"));
  dirs.push(dir);
  return path.join(dir, "uploads");
}

/** A body of `parts` chunks of `size` bytes, without a declared length (as a chunked upload). */
function body(parts: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ === parts) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(65));
    },
  });
}

describe("spoolUpload", () => {
  it("writes the whole body to a private file", async () => {
    const dir = tempDir();
    const result = await spoolUpload(body(5, 1000), { dir, maxBytes: 5000 });
    expect(result).toMatchObject({ ok: true, bytes: 5000 });
    if (!result.ok) return;
    expect(readFileSync(result.file).byteLength).toBe(5000);
    expect(statSync(result.file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("stops at the first byte past the limit and leaves no file", async () => {
    const dir = tempDir();
    const result = await spoolUpload(body(100, 1000), { dir, maxBytes: 4500 });
    expect(result).toEqual({ ok: false, bytes: 5000 });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removes spool files older than a day that a crash left behind", async () => {
    const dir = tempDir();
    await spoolUpload(body(1, 10), { dir, maxBytes: 100 });
    const stale = path.join(dir, "left-behind.upload");
    writeFileSync(stale, "x");
    utimesSync(stale, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
    await spoolUpload(body(1, 10), { dir, maxBytes: 100 });
    expect(existsSync(stale)).toBe(false);
  });
});
