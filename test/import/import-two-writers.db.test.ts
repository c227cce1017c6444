import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport, CHUNK_SIZE } from "@/lib/import/run-import";
import { rulesInThread } from "@/lib/import/chunk-rules";
import type { ParseEvent } from "@/lib/import/types";
import { storedComments, TEST_ACTOR } from "./import-helpers";

// Bulk loads write two chunks at once on two connections (runImport's `writers`). What the one
// writer got from its order must still hold: a comment whose article the previous chunk brought, a
// reply whose parent is in the chunk being written beside it (before or after it in the file).

const SOURCE = "two-writers";
const TOTAL = CHUNK_SIZE * 2 + 500;

function* events(): Generator<ParseEvent> {
  const article = (name: string): ParseEvent => ({ type: "article", line: 1, article: { key: `id:${SOURCE}-${name}`, externalId: `${SOURCE}-${name}`, title: `Article ${name} of ${SOURCE}` } });
  yield article("first");
  for (let index = 0; index < TOTAL; index++) {
    // A new article a few comments before the first chunk ends: most of its comments are in the second.
    if (index === CHUNK_SIZE - 5) yield article("second");
    const articleName = index >= CHUNK_SIZE - 5 ? "second" : "first";
    // Replies across chunks: back to the previous chunk, and forward from the first chunk to the second.
    const parent = index === 5 ? CHUNK_SIZE + 7 : index > CHUNK_SIZE && index % 1000 === 0 ? index - CHUNK_SIZE + 1 : null;
    yield {
      type: "comment",
      comment: {
        articleKey: `id:${SOURCE}-${articleName}`,
        source: SOURCE,
        externalId: `c${index}`,
        key: `id:c${index}`,
        ...(parent === null ? {} : { parentKey: `id:c${parent}` }),
        body: `Comment ${index} about the load shedding.`,
        postedAt: new Date(Date.UTC(2015, 6, 23, 0, 0, index)),
        index,
        line: index + 2,
      },
    };
  }
}

async function* asAsync(): AsyncGenerator<ParseEvent> {
  yield* events();
}

describe("an import written on two connections", () => {
  it("stores every comment once, on its article, with every reply linked across the chunks written at once", async () => {
    const summary = await runImport({ events: asAsync(), format: "jsonl", fileName: "two-writers.jsonl", via: "cli", actor: TEST_ACTOR, rules: rulesInThread(() => []), writers: 2 });
    expect(summary).toMatchObject({ added: TOTAL, duplicates: 0, rejected: 0, articles: 2 });
    const rows = await storedComments({ source: SOURCE });
    expect(rows).toHaveLength(TOTAL);
    const byKey = new Map(rows.map((row) => [row.dedupeKey, row]));
    const idOf = (index: number) => byKey.get(`${SOURCE}:id:c${index}`)?.id;
    const articles = await db.article.findMany({ where: { key: { startsWith: `id:${SOURCE}-` } }, select: { id: true, key: true } });
    const second = articles.find((article) => article.key === `id:${SOURCE}-second`)?.id;
    expect(rows.filter((row) => row.articleId === second)).toHaveLength(TOTAL - (CHUNK_SIZE - 5));
    expect(byKey.get(`${SOURCE}:id:c5`)?.parentId).toBe(idOf(CHUNK_SIZE + 7));
    for (let index = CHUNK_SIZE + 1000; index < TOTAL; index += 1000) {
      expect(byKey.get(`${SOURCE}:id:c${index}`)?.parentId).toBe(idOf(index - CHUNK_SIZE + 1));
    }

    const again = await runImport({ events: asAsync(), format: "jsonl", fileName: "two-writers.jsonl", via: "cli", actor: TEST_ACTOR, rules: rulesInThread(() => []), writers: 2 });
    expect(again).toMatchObject({ added: 0, duplicates: TOTAL, rejected: 0 });
  });
});
