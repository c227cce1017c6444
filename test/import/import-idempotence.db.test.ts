import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { rulesInThread } from "@/lib/import/chunk-rules";
import type { ParseEvent } from "@/lib/import/types";
import { importFixture, storedComments, TEST_ACTOR } from "./import-helpers";

// Dedupe, concurrency, bad rows and the batch record. Each test uses its own source name or
// fixture, so they do not see each other's comments in this file's database.

async function* eventsOf(events: ParseEvent[]): AsyncGenerator<ParseEvent> {
  yield* events;
}

function threadEvents(source: string, comments: { id: string; parent?: string; body: string }[]): ParseEvent[] {
  const articleKey = `id:${source}-article`;
  return [
    { type: "article", line: 1, article: { key: articleKey, externalId: `${source}-article`, title: `Article of ${source}` } },
    ...comments.map((comment, index): ParseEvent => ({
      type: "comment",
      comment: { articleKey, source, externalId: comment.id, key: `id:${comment.id}`, ...(comment.parent ? { parentKey: `id:${comment.parent}` } : {}), body: comment.body, postedAt: new Date(Date.UTC(2015, 6, 23, 10, index)), index, line: index + 2 },
    })),
  ];
}

function importEvents(events: ParseEvent[]) {
  return runImport({ events: eventsOf(events), format: "jsonl", fileName: "events.jsonl", via: "cli", actor: TEST_ACTOR, rules: rulesInThread(() => []) });
}

describe("idempotent imports", () => {
  it("adds nothing when the same file is loaded twice", async () => {
    const first = await importFixture("wordpress-export.xml");
    expect(first).toMatchObject({ added: 6, duplicates: 0 });
    const second = await importFixture("wordpress-export.xml");
    expect(second).toMatchObject({ articles: 2, added: 0, duplicates: 6, rejected: 0 });
    expect(await db.comment.count({ where: { source: "wordpress" } })).toBe(6);
    expect(await db.article.count({ where: { key: { in: ["id:courier.example.com/101", "id:courier.example.com/102"] } } })).toBe(2);
  });

  it("stores every comment exactly once when two imports of the same file run at once", async () => {
    const [a, b] = await Promise.all([importFixture("disqus-export.xml"), importFixture("disqus-export.xml")]);
    expect(a.added + b.added).toBe(6);
    expect(a.duplicates + b.duplicates).toBe(6);
    const rows = await storedComments({ source: "disqus" });
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((row) => row.dedupeKey)).size).toBe(6);
    const reply = rows.find((row) => row.parentDedupeKey === "disqus:id:tribune-pk/2141528001");
    expect(reply?.parentId).toBe(rows.find((row) => row.dedupeKey === "disqus:id:tribune-pk/2141528001")?.id);
  });

  it("links a reply whose parent arrives in a later import", async () => {
    const early = await importEvents(threadEvents("late-parent", [{ id: "child", parent: "parent", body: "I agree with you." }]));
    expect(early.added).toBe(1);
    const [orphan] = await storedComments({ source: "late-parent" });
    expect(orphan).toMatchObject({ parentId: null, parentDedupeKey: "late-parent:id:parent" });

    await importEvents(threadEvents("late-parent", [{ id: "parent", body: "The budget failed again." }]));
    const rows = await storedComments({ source: "late-parent" });
    const parent = rows.find((row) => row.dedupeKey === "late-parent:id:parent");
    expect(rows.find((row) => row.dedupeKey === "late-parent:id:child")?.parentId).toBe(parent?.id);
  });

  it("links replies to parents in the same chunk and to parents stored before", async () => {
    await importEvents(threadEvents("same-chunk", [{ id: "root", body: "Root." }]));
    await importEvents(threadEvents("same-chunk", [{ id: "a", parent: "root", body: "Reply to stored root." }, { id: "b", body: "New root." }, { id: "c", parent: "b", body: "Reply in the same import." }]));
    const rows = await storedComments({ source: "same-chunk" });
    const idOf = (key: string) => rows.find((row) => row.dedupeKey === `same-chunk:id:${key}`)?.id;
    expect(rows.find((row) => row.dedupeKey === "same-chunk:id:a")?.parentId).toBe(idOf("root"));
    expect(rows.find((row) => row.dedupeKey === "same-chunk:id:c")?.parentId).toBe(idOf("b"));
  });
});

describe("bad rows and the batch record", () => {
  it("reports each bad CSV row with line and field, keeps the good rows, and records counts and problems on the batch", async () => {
    const summary = await importFixture("comments-bad.csv");
    expect(summary).toMatchObject({ added: 3, rejected: 7 });
    expect(summary.problems).toEqual(
      expect.arrayContaining([
        { line: 5, field: "body", message: "body is empty" },
        { line: 6, field: "posted_at", message: "posted_at 'yesterday' is not a date (expected ISO 8601 like 2015-07-23T18:43:00Z)" },
        expect.objectContaining({ line: 10, field: "article_title" }),
      ]),
    );
    const rows = await storedComments({ importBatchId: summary.batchId });
    expect(rows.map((row) => row.body)).toEqual(["Seeking is different than obtaining.", "Multi-line,\nstill fine", "Last good row"]);
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: summary.batchId } });
    expect(batch).toMatchObject({ status: "COMPLETED", format: "csv", fileName: "comments-bad.csv", via: "cli", added: 3, duplicates: 0, rejected: 7 });
    expect(batch.finishedAt).not.toBeNull();
    expect(batch.problems).toEqual(summary.problems);
    expect((batch.problems as { line: number }[]).map((problem) => problem.line)).toEqual([3, 4, 5, 6, 7, 10, 11]);
  });

  it("reports bad JSONL lines with line and field", async () => {
    const summary = await importFixture("comments-bad.jsonl");
    expect(summary.problems.map((problem) => [problem.line, problem.field])).toEqual(expect.arrayContaining([[3, "body"], [4, "postedAt"]]));
    // c-1 and c-7 are also in comments-bad.csv (imported above) with other text: the same id for
    // another comment is reported on its line, never skipped as a duplicate.
    expect(summary.problems.filter((problem) => problem.field === "id").map((problem) => problem.line)).toEqual([1, 7]);
    expect(summary.added + summary.duplicates).toBe(0);
  });

  it("writes one import.complete audit event per import, with its counts", async () => {
    const summary = await importFixture("comments.jsonl");
    const events = await db.auditEvent.findMany({ where: { action: "import.complete", entityType: "import_batch", entityId: String(summary.batchId) } });
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({ fileName: "comments.jsonl", format: "jsonl", via: "cli", articles: 3, added: summary.added, duplicates: summary.duplicates, rejected: 0 });
    expect(events[0]?.actorLabel).toBe("test");
  });
});
