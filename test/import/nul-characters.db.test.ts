import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { formatImportReport } from "@/lib/import/format-import-report";
import { importStream } from "@/lib/import/import-file";
import { KEPT_WARNINGS } from "@/lib/import/run-import";

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

  it("on every line of a big file keeps the first warnings to show and counts them all (memory stays bounded)", async () => {
    const count = KEPT_WARNINGS + 234;
    const lines = Array.from({ length: count }, (_, index) => `${JSON.stringify({ id: `nul-many-${index}`, article: { id: "nul-many", title: "Nul many" }, body: `a\u0000b ${index}`, postedAt: "2026-01-02T10:00:00Z" })}\n`);
    const result = await importStream({ input: Readable.from(lines), fileName: "nul-many.jsonl", format: "jsonl", via: "cli", actor: SYSTEM_ACTOR });
    expect(result.added).toBe(count);
    // (The test database has no rules enabled: the import adds a line-0 warning saying so.)
    const lineWarnings = result.warnings.filter((warning) => warning.line > 0);
    expect(lineWarnings).toHaveLength(KEPT_WARNINGS);
    expect(lineWarnings[0]).toMatchObject({ line: 1, field: "body" });
    expect(result.warningCount - result.warnings.length).toBe(234);
    const batch = await db.auditEvent.findFirstOrThrow({ where: { action: "import.complete", entityType: "import_batch", entityId: String(result.batchId) }, select: { details: true } });
    expect(batch.details).toMatchObject({ warnings: count });
    const report = formatImportReport({ ...result, fileName: "nul-many.jsonl" }, { dryRun: false });
    expect(report).toContain(`… and 234 more warning(s) of the same kinds (the first ${result.warnings.length} are listed)`);
  });
});
