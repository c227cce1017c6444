// Whatever bytes arrive, every parser finishes and reports problems instead of throwing.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseArticleText } from "./parse-article-text";
import { parseCsv } from "./parse-csv";
import { parseDisqus } from "./parse-disqus";
import { parseJson } from "./parse-json";
import { parseJsonl } from "./parse-jsonl";
import { parseWxr } from "./parse-wxr";
import { chunksOf, collect, FIXTURE_DIR } from "./parse-test-helpers";
import type { ImportFormat, ParseEvent, ParseOptions } from "./types";
import type { ImportInput } from "./read-lines";

const PARSERS: Record<ImportFormat, { parse: (input: ImportInput, options: ParseOptions) => AsyncGenerator<ParseEvent>; fixtures: string[]; alphabet: string[] }> = {
  article: { parse: parseArticleText, fixtures: ["tribune-2015-07-23-isi-surveillance.txt", "article-bad.txt"], alphabet: ["\u2022", "  ", "\n", "Jul 23, 2015 - 6:43PM", "Recommend", "@", "Reader Comments (3)", "Published: July 1, 2015", "More in X", "a"] },
  json: { parse: parseJson, fixtures: ["comments.json", "comments-bad.json"], alphabet: ["{", "}", "[", "]", '"', ",", ":", "\\", "\n", '"comments"', '"title"', "1", "a"] },
  jsonl: { parse: parseJsonl, fixtures: ["comments.jsonl", "comments-bad.jsonl"], alphabet: ["{", "}", '"', ",", ":", "\n", '"body"', '"postedAt"', '"article"', "a"] },
  csv: { parse: parseCsv, fixtures: ["comments.csv", "comments-bad.csv"], alphabet: ['"', ",", "\n", "\r\n", "body", "posted_at", "article_id", "a"] },
  disqus: { parse: parseDisqus, fixtures: ["disqus-export.xml", "disqus-export-bad.xml"], alphabet: ["<", ">", "/", "post", "thread", "disqus", "<![CDATA[", "]]>", "&", ";", '"', "dsq:id=", "\n", "a"] },
  wxr: { parse: parseWxr, fixtures: ["wordpress-export.xml", "wordpress-export-bad.xml"], alphabet: ["<", ">", "/", "rss", "channel", "item", "wp:comment", "<![CDATA[", "]]>", "&", ";", "<!DOCTYPE", "\n", "a"] },
};

const mutation = fc.record({
  cutAt: fc.option(fc.nat(), { nil: undefined }),
  deleteAt: fc.nat(),
  deleteLength: fc.nat({ max: 40 }),
  insertAt: fc.nat(),
  insert: fc.uint8Array({ maxLength: 24 }),
  chunkBytes: fc.integer({ min: 1, max: 300 }),
});

interface Mutation {
  cutAt: number | undefined;
  deleteAt: number;
  deleteLength: number;
  insertAt: number;
  insert: Uint8Array;
}

function mutate(original: Buffer, change: Mutation): Buffer {
  let bytes = original;
  const deleteAt = change.deleteAt % (bytes.length + 1);
  bytes = Buffer.concat([bytes.subarray(0, deleteAt), bytes.subarray(deleteAt + change.deleteLength)]);
  const insertAt = change.insertAt % (bytes.length + 1);
  bytes = Buffer.concat([bytes.subarray(0, insertAt), Buffer.from(change.insert), bytes.subarray(insertAt)]);
  return change.cutAt === undefined ? bytes : bytes.subarray(0, change.cutAt % (bytes.length + 1));
}

async function assertWellBehaved(format: ImportFormat, bytes: Uint8Array | string, chunkBytes: number): Promise<void> {
  const { comments, problems, warnings } = await collect(PARSERS[format].parse(chunksOf(bytes, chunkBytes), { fileName: `fuzz.${format}` }));
  for (const problem of [...problems, ...warnings]) {
    expect(Number.isInteger(problem.line) && problem.line >= 1).toBe(true);
    expect(problem.message.length).toBeGreaterThan(0);
  }
  comments.forEach((comment, position) => {
    expect(comment.index).toBe(position);
    expect(comment.body.trim()).not.toBe("");
    expect(Number.isNaN(comment.postedAt.getTime())).toBe(false);
    expect(comment.line).toBeGreaterThanOrEqual(1);
  });
}

describe.each(Object.keys(PARSERS) as ImportFormat[])("%s parser never throws", (format) => {
  const { fixtures, alphabet } = PARSERS[format];
  const originals = fixtures.map((name) => readFileSync(`${FIXTURE_DIR}${name}`));

  it("on mutated and truncated real files", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: originals.length - 1 }), mutation, async (which, change) => {
        await assertWellBehaved(format, mutate(originals[which] ?? Buffer.alloc(0), change), change.chunkBytes);
      }),
      { numRuns: 60 },
    );
  });

  it("on random bytes and random format-shaped text", async () => {
    const input = fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 120 }));
    await fc.assert(
      fc.asyncProperty(input, fc.integer({ min: 1, max: 64 }), async (data, chunkBytes) => {
        await assertWellBehaved(format, data, chunkBytes);
      }),
      { numRuns: 80 },
    );
  });
});
