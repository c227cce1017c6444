import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { importStream } from "@/lib/import/import-file";

// A NUL character cannot be stored in PostgreSQL text and is left out at COPY; the import must say
// so on the comment's line rather than change a reader's words without a word.

describe("a comment holding NUL characters", () => {
  it("is imported without them, with a warning naming its line and field", async () => {
    const lines = [
      `${JSON.stringify({ id: "clean", article: { id: "nul-article", title: "Nul" }, author: "reader", body: "nothing odd here", postedAt: "2026-01-02T10:00:00Z" })}\n`,
      `${JSON.stringify({ id: "nul", article: { id: "nul-article", title: "Nul" }, author: "reader", body: "before\u0000after", postedAt: "2026-01-02T10:01:00Z" })}\n`,
    ];
    const result = await importStream({ input: Readable.from(lines), fileName: "nul.jsonl", format: "jsonl", via: "cli", actor: SYSTEM_ACTOR });
    expect(result).toMatchObject({ added: 2, rejected: 0 });
    expect(result.warnings).toContainEqual({ line: 2, field: "body", message: expect.stringMatching(/line 2 holds NUL characters \(U\+0000\) in its text/) });
    expect(result.warnings.filter((warning) => warning.line === 1)).toEqual([]);
    const stored = await db.comment.findFirstOrThrow({ where: { externalId: "nul" }, select: { body: true } });
    expect(stored.body).toBe("beforeafter");
  });
});
