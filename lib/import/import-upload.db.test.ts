import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { importUpload } from "./import-upload";

// An upload is spooled to a private file before it is imported; the file must be gone once the
// answer has ended, however the import ended. Before, it was removed when its read stream closed,
// and an import refused before it read the file (a file of an unknown kind) left up to 1 GB behind.

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function uploadsDir(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "moddesk-import-upload-"));
  roots.push(root);
  return path.join(root, "uploads");
}

function bodyOf(text: string): ReadableStream<Uint8Array> {
  return new Blob([text]).stream();
}

async function answerLines(response: Response): Promise<{ type: string; message?: string; added?: number }[]> {
  return (await response.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { type: string });
}

describe("importUpload", () => {
  it("removes the spooled file when the import refuses the file before reading it (unknown kind)", async () => {
    const dir = uploadsDir();
    const response = await importUpload(bodyOf("neither csv nor json nor xml ".repeat(5_000)), { dir, maxBytes: 1024 * 1024, fileName: "junk.bin", actor: SYSTEM_ACTOR });
    const lines = await answerLines(response);
    expect(lines.at(-1)).toMatchObject({ type: "error", message: expect.stringContaining("Cannot tell what kind of file") });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removes the spooled file after a file it imports", async () => {
    const dir = uploadsDir();
    const csv = "article_title,comment_id,body,posted_at\nUpload spool,upload-spool-1,a comment to import,2026-01-02T10:00:00Z\n";
    const response = await importUpload(bodyOf(csv), { dir, maxBytes: 1024 * 1024, fileName: "spool.csv", actor: SYSTEM_ACTOR });
    const lines = await answerLines(response);
    expect(lines.at(-1)).toMatchObject({ type: "done", added: 1 });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("keeps no file of a body past the limit (413)", async () => {
    const dir = uploadsDir();
    const response = await importUpload(bodyOf("x".repeat(2_000)), { dir, maxBytes: 1_000, fileName: "big.csv", actor: SYSTEM_ACTOR });
    expect(response.status).toBe(413);
    expect(readdirSync(dir)).toEqual([]);
  });
});
