import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { importStream } from "@/lib/import/import-file";
import { ingestComments } from "@/lib/import/ingest-comments";
import { ingestBodySchema } from "@/lib/import/schemas-ingest";

// What PostgreSQL cannot store (an index entry past 2,704 bytes, a NUL in an id) once failed the
// whole chunk: one such comment in a file lost the other 9,999 of its chunk and ended the import
// FAILED; through the ingest API it was a 500. Now each is refused on its line, naming the field,
// and everything else is imported. Random text: repeated letters compress below the index limit.

const noise = (length: number) => randomBytes(length).toString("base64").slice(0, length);
const stamp = randomBytes(3).toString("hex");

function jsonl(rows: object[]): Readable {
  return Readable.from(rows.map((row) => `${JSON.stringify(row)}\n`));
}

describe("an import holding values PostgreSQL cannot store", () => {
  it("imports every other comment and refuses those on their lines, naming the field", async () => {
    const article = { id: `limits-${stamp}`, title: "Limits" };
    const at = "2026-01-02T10:00:00Z";
    const rows = [
      { id: `ok-1-${stamp}`, article, body: "first", postedAt: at },
      { id: `long-author-${stamp}`, article, author: noise(3000), body: "a long name", postedAt: at },
      { id: noise(9000), article, body: "a long id", postedAt: at },
      { id: `nul-\u0000-${stamp}`, article, body: "a NUL in the id", postedAt: at },
      { id: `long-parent-${stamp}`, parentId: noise(3000), article, body: "a long parent", postedAt: at },
      { id: `long-url-${stamp}`, article: { url: `https://example.org/${noise(3000)}`, title: "Long url" }, body: "its article's url is too long", postedAt: at },
      { id: `ok-2-${stamp}`, article, body: "last", postedAt: at },
    ];
    const result = await importStream({ input: jsonl(rows), fileName: "limits.jsonl", format: "jsonl", via: "cli", actor: SYSTEM_ACTOR });
    expect(result).toMatchObject({ added: 2, rejected: 5 });
    const byLine = new Map(result.problems.map((problem) => [problem.line, problem]));
    expect(byLine.get(2)).toMatchObject({ field: "author", message: "author is 3,000 characters long, at most 200; the comment was not imported" });
    expect(byLine.get(3)).toMatchObject({ field: "id", message: expect.stringMatching(/^id is too long/) });
    expect(byLine.get(4)).toMatchObject({ field: "id", message: expect.stringMatching(/NUL/) });
    expect(byLine.get(5)).toMatchObject({ field: "parentId" });
    expect(result.problems.filter((problem) => problem.line === 6).map((problem) => problem.field)).toContain("url");
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId }, select: { status: true } });
    expect(batch.status).toBe("COMPLETED");
    const stored = await db.comment.findMany({ where: { importBatchId: result.batchId }, select: { body: true }, orderBy: { id: "asc" } });
    expect(stored.map((row) => row.body)).toEqual(["first", "last"]);
  });

  it("stores an article's title and text without their NUL characters, with a warning", async () => {
    const file = JSON.stringify({ id: `nul-title-${stamp}`, title: "Before\u0000after", body: "Text\u0000", comments: [{ id: `nul-title-c-${stamp}`, body: "fine", postedAt: "2026-01-02T10:00:00Z" }] });
    const result = await importStream({ input: Readable.from([file]), fileName: "nul-title.json", format: "json", via: "cli", actor: SYSTEM_ACTOR });
    expect(result).toMatchObject({ added: 1, rejected: 0 });
    expect(result.warnings).toContainEqual({ line: 1, field: "article.title", message: expect.stringMatching(/NUL characters/) });
    const stored = await db.article.findUniqueOrThrow({ where: { key: `id:nul-title-${stamp}` }, select: { title: true, body: true } });
    expect(stored).toEqual({ title: "Beforeafter", body: "Text" });
  });
});

describe("the ingest API with values PostgreSQL cannot store", () => {
  it("rejects those comments by name and creates the others", async () => {
    const actor = { ...SYSTEM_ACTOR, label: "ingest limits" };
    const at = "2026-01-02T10:00:00Z";
    const body = ingestBodySchema.parse({
      id: `ingest-limits-${stamp}`,
      title: "Ingest limits",
      comments: [
        { id: `i-ok-${stamp}`, body: "fine", postedAt: at },
        { id: `i-author-${stamp}`, author: noise(9000), body: "long name", postedAt: at },
        { id: `i-source-${stamp}`, source: noise(9000), body: "long source", postedAt: at },
        { id: `i-nul-\u0000`, body: "NUL id", postedAt: at },
      ],
    });
    const answer = await ingestComments(body, actor);
    expect(answer).toMatchObject({ created: 1, rejected: 3 });
    expect(answer.comments.map((comment) => comment.status)).toEqual(["created", "rejected", "rejected", "rejected"]);
    expect(answer.comments[1]?.reason).toMatch(/^author is 9,000 characters long/);
    expect(answer.comments[2]?.reason).toMatch(/^source is too long/);
    expect(answer.comments[3]?.reason).toMatch(/^id holds a NUL/);
  });
});
