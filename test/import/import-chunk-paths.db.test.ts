import { describe, expect, it } from "vitest";
import { runImport } from "@/lib/import/run-import";
import { rulesInThread } from "@/lib/import/chunk-rules";
import type { ParseEvent } from "@/lib/import/types";
import { storedComments, TEST_ACTOR } from "./import-helpers";

// A chunk of new comments goes into comment by one COPY with its ids taken beforehand
// (lib/import/copy-new-comments.ts); a chunk with a stored key, or a key twice, takes the staging
// path. Both must store the same thing: each comment once, in the file's order, replies linked.

interface Line {
  id: string;
  parent?: string;
  body?: string;
  /** Minute of posting; the line's position when not given. */
  minute?: number;
}

async function* eventsOf(events: ParseEvent[]): AsyncGenerator<ParseEvent> {
  yield* events;
}

function importLines(source: string, lines: Line[]) {
  const articleKey = `id:${source}-article`;
  const events: ParseEvent[] = [
    { type: "article", line: 1, article: { key: articleKey, externalId: `${source}-article`, title: `Article of ${source}` } },
    ...lines.map((line, index): ParseEvent => ({
      type: "comment",
      comment: {
        articleKey,
        source,
        externalId: line.id,
        key: `id:${line.id}`,
        ...(line.parent ? { parentKey: `id:${line.parent}` } : {}),
        body: line.body ?? `Comment ${line.id} on the budget.`,
        postedAt: new Date(Date.UTC(2015, 6, 23, 10, line.minute ?? index)),
        index,
        line: index + 2,
      },
    })),
  ];
  return runImport({ events: eventsOf(events), format: "jsonl", fileName: `${source}.jsonl`, via: "cli", actor: TEST_ACTOR, rules: rulesInThread(() => []) });
}

async function byKey(source: string) {
  const rows = await storedComments({ source });
  return { rows, id: (externalId: string) => rows.find((row) => row.dedupeKey === `${source}:id:${externalId}`)?.id };
}

describe("the two ways a chunk is written", () => {
  it("links replies as they are written: to a parent later in the chunk, earlier in it, or stored before", async () => {
    await importLines("paths-stored", [{ id: "old" }]);
    const summary = await importLines("paths-stored", [
      { id: "early-reply", parent: "later-parent" },
      { id: "later-parent" },
      { id: "reply-to-old", parent: "old" },
      { id: "nested", parent: "early-reply" },
    ]);
    expect(summary).toMatchObject({ added: 4, duplicates: 0, rejected: 0 });
    const { rows, id } = await byKey("paths-stored");
    expect(rows).toHaveLength(5);
    expect(rows.find((row) => row.id === id("early-reply"))?.parentId).toBe(id("later-parent"));
    expect(rows.find((row) => row.id === id("reply-to-old"))?.parentId).toBe(id("old"));
    expect(rows.find((row) => row.id === id("nested"))?.parentId).toBe(id("early-reply"));
    // Ids follow the file's order, as the queue's tie-breaks and the All tab expect.
    const order = ["old", "early-reply", "later-parent", "reply-to-old", "nested"].map((key) => id(key) ?? 0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("adds the new comments of a chunk that also holds stored ones, and counts the others as duplicates", async () => {
    await importLines("paths-mixed", [{ id: "a" }, { id: "b" }]);
    const summary = await importLines("paths-mixed", [{ id: "a" }, { id: "c", parent: "b" }, { id: "d", parent: "c" }, { id: "e", parent: "missing" }]);
    expect(summary).toMatchObject({ added: 3, duplicates: 1, rejected: 0 });
    const { rows, id } = await byKey("paths-mixed");
    expect(rows).toHaveLength(5);
    expect(rows.find((row) => row.id === id("c"))?.parentId).toBe(id("b"));
    expect(rows.find((row) => row.id === id("d"))?.parentId).toBe(id("c"));
    expect(rows.find((row) => row.id === id("e"))).toMatchObject({ parentId: null, parentDedupeKey: "paths-mixed:id:missing" });
  });

  it("falls back to the staging path when a stored key is where the COPY's probes do not look", async () => {
    await importLines("paths-hidden", [{ id: "stored", minute: 1 }]);
    // The probes read the first, middle and last keys: the stored one is second of four.
    const summary = await importLines("paths-hidden", [{ id: "n1" }, { id: "stored", minute: 1 }, { id: "n2", parent: "stored" }, { id: "n3", parent: "n1" }]);
    expect(summary).toMatchObject({ added: 3, duplicates: 1, rejected: 0 });
    const { rows, id } = await byKey("paths-hidden");
    expect(rows).toHaveLength(4);
    expect(rows.find((row) => row.id === id("n2"))?.parentId).toBe(id("stored"));
    expect(rows.find((row) => row.id === id("n3"))?.parentId).toBe(id("n1"));
  });

  it("stores a comment once when its key comes twice in one chunk, and rejects the same id with other content", async () => {
    const summary = await importLines("paths-twice", [{ id: "x", minute: 0 }, { id: "y", parent: "x" }, { id: "x", minute: 0 }, { id: "x", body: "Other text under the same id." }]);
    expect(summary).toMatchObject({ added: 2, duplicates: 1, rejected: 1 });
    const { rows, id } = await byKey("paths-twice");
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.id === id("x"))?.body).toBe("Comment x on the budget.");
    expect(rows.find((row) => row.id === id("y"))?.parentId).toBe(id("x"));
  });

  it("links a waiting reply when a chunk of new comments brings its parent", async () => {
    await importLines("paths-waiting", [{ id: "child", parent: "parent" }]);
    const summary = await importLines("paths-waiting", [{ id: "parent" }, { id: "sibling", parent: "parent" }]);
    expect(summary).toMatchObject({ added: 2, duplicates: 0 });
    const { rows, id } = await byKey("paths-waiting");
    expect(rows.find((row) => row.id === id("child"))?.parentId).toBe(id("parent"));
    expect(rows.find((row) => row.id === id("sibling"))?.parentId).toBe(id("parent"));
  });
});
