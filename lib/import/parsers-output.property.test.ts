// Every parser, fed a generated file of its format with known rows, yields exactly those rows; with
// some rows broken (no text, a date that is not one), it yields the others exactly and reports each
// broken row as a problem: parsed + reported = rows. A parser that returns nothing fails here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseArticleText } from "./parse-article-text";
import { parseCsv } from "./parse-csv";
import { parseDisqus } from "./parse-disqus";
import { parseJson } from "./parse-json";
import { parseJsonl } from "./parse-jsonl";
import { parseWxr } from "./parse-wxr";
import { chunksOf, collect } from "./parse-test-helpers";
import type { ImportFormat, ParseEvent, ParseOptions } from "./types";
import type { ImportInput } from "./read-lines";

interface Row {
  id: string;
  author: string;
  body: string;
  /** Whole minutes: the article-text format shows no seconds. */
  postedAt: Date;
  /** Broken rows: the parser must skip and report them. */
  breakage?: "no-text" | "bad-date";
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const iso = (date: Date) => date.toISOString();
const wpDate = (date: Date) => iso(date).slice(0, 19).replace("T", " ");
function tribuneDate(date: Date): string {
  const hours = date.getUTCHours();
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${String(date.getUTCMinutes()).padStart(2, "0")}${hours < 12 ? "AM" : "PM"}`;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} - ${clock}`;
}
const csvField = (value: string) => `"${value.replace(/"/g, '""')}"`;
const cdata = (value: string) => `<![CDATA[${value}]]>`;

// Each format as a writer of a whole file from rows; broken rows are written broken. Every row
// starts on a line of its own, so "each broken row reported" can be counted by problem lines.
const WRITERS: Record<ImportFormat, (rows: Row[]) => string> = {
  json: (rows) =>
    JSON.stringify([
      { id: "a-1", title: "Generated article", comments: rows.map((row) => ({ id: row.id, author: row.author, body: row.breakage === "no-text" ? "" : row.body, postedAt: row.breakage === "bad-date" ? "not a date" : iso(row.postedAt) })) },
    ], null, 2),
  jsonl: (rows) =>
    rows
      .map((row) => JSON.stringify({ id: row.id, article: { id: "a-1", title: "Generated article" }, author: row.author, body: row.breakage === "no-text" ? "" : row.body, postedAt: row.breakage === "bad-date" ? "not a date" : iso(row.postedAt) }))
      .join("\n"),
  csv: (rows) =>
    [
      "article_id,article_title,comment_id,author,body,posted_at",
      ...rows.map((row) => ["a-1", "Generated article", row.id, row.author, row.breakage === "no-text" ? "" : row.body, row.breakage === "bad-date" ? "not a date" : iso(row.postedAt)].map(csvField).join(",")),
    ].join("\r\n"),
  disqus: (rows) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n` +
    `<thread dsq:id="900"><id>a-1</id><link>https://example.com/a-1</link><title>Generated article</title><createdAt>2015-01-01T00:00:00Z</createdAt></thread>\n` +
    rows
      .map(
        (row) =>
          `<post dsq:id="${row.id}"><id /><message>${cdata(row.breakage === "no-text" ? "" : `<p>${row.body}</p>`)}</message><createdAt>${row.breakage === "bad-date" ? "not a date" : iso(row.postedAt)}</createdAt>` +
          `<isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>${row.author}</name><isAnonymous>false</isAnonymous></author><thread dsq:id="900" /></post>`,
      )
      .join("\n") +
    `\n</disqus>\n`,
  wxr: (rows) =>
    `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Site</title>\n` +
    `<item><title>Generated article</title><link>https://example.com/a-1</link><wp:post_id>1</wp:post_id><wp:post_type>${cdata("post")}</wp:post_type>\n` +
    rows
      .map(
        (row) =>
          `<wp:comment><wp:comment_id>${row.id.replace(/\D/g, "")}</wp:comment_id><wp:comment_author>${cdata(row.author)}</wp:comment_author>` +
          `<wp:comment_date_gmt>${cdata(row.breakage === "bad-date" ? "not a date" : wpDate(row.postedAt))}</wp:comment_date_gmt>` +
          `<wp:comment_content>${cdata(row.breakage === "no-text" ? "" : row.body)}</wp:comment_content><wp:comment_approved>${cdata("1")}</wp:comment_approved>` +
          `<wp:comment_type>${cdata("comment")}</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>`,
      )
      .join("\n") +
    `\n</item>\n</channel>\n</rss>\n`,
  article: (rows) =>
    `Generated article\n\nPublished: July 23, 2015\n\nThe article's only paragraph.\n\nReader Comments (${rows.length})\n\n` +
    rows.map((row) => `  \u2022 ${row.author}\n    ${row.breakage === "bad-date" ? "Jul 99, 2015 - 6:43PM" : tribuneDate(row.postedAt)}\n\n    ${row.breakage === "no-text" ? "" : row.body}Recommend\n`).join("\n") +
    `\nMore in Pakistan\n`,
};

const PARSERS: Record<ImportFormat, (input: ImportInput, options: ParseOptions) => AsyncGenerator<ParseEvent>> = {
  article: parseArticleText,
  json: parseJson,
  jsonl: parseJsonl,
  csv: parseCsv,
  disqus: parseDisqus,
  wxr: parseWxr,
};

// Words with the characters each format must escape or carry: quotes, commas, apostrophes, Urdu, emoji.
const WORD = fc.constantFrom("budget", "Karachi", "don’t", "\"quoted\"", "a,b", "it's", "کراچی", "50%", "🙂", "x", "Rights", "cables");
const rowArbitrary = (index: number) =>
  fc.record({
    words: fc.array(WORD, { minLength: 1, maxLength: 12 }),
    author: fc.array(fc.constantFrom("Ali", "S", "reader", "42", "Farah"), { minLength: 1, maxLength: 3 }),
    minutes: fc.integer({ min: 0, max: 60 * 24 * 365 * 8 }),
  }).map(({ words, author, minutes }): Row => ({
    id: `${index + 1}${"0".repeat(3)}${index + 7}`,
    author: author.join(" "),
    body: words.join(" "),
    postedAt: new Date(Date.UTC(2015, 0, 1) + minutes * 60_000),
  }));
const rowsArbitrary = fc.integer({ min: 1, max: 12 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => rowArbitrary(index))));

async function parse(format: ImportFormat, rows: Row[], chunkBytes: number) {
  return collect(PARSERS[format](chunksOf(WRITERS[format](rows), chunkBytes), { fileName: `generated.${format}` }));
}

describe.each(Object.keys(PARSERS) as ImportFormat[])("%s parser on generated files", (format) => {
  it("yields exactly the rows of a valid file: text, author, time, order", async () => {
    await fc.assert(
      fc.asyncProperty(rowsArbitrary, fc.integer({ min: 1, max: 200 }), async (rows, chunkBytes) => {
        const { comments, problems } = await parse(format, rows, chunkBytes);
        expect(problems).toEqual([]);
        expect(comments.map((comment) => ({ body: comment.body, author: comment.authorName, postedAt: comment.postedAt.toISOString() }))).toEqual(
          rows.map((row) => ({ body: row.body, author: row.author, postedAt: iso(row.postedAt) })),
        );
        if (format !== "article") expect(comments.map((comment) => comment.externalId)).toEqual(rows.map((row) => (format === "wxr" ? row.id.replace(/\D/g, "") : row.id)));
      }),
      { numRuns: 40 },
    );
  });

  it("with some rows broken, yields the others exactly and reports each broken one: parsed + reported = rows", async () => {
    const broken = rowsArbitrary.chain((rows) =>
      fc.array(fc.constantFrom<Row["breakage"]>(undefined, "no-text", "bad-date"), { minLength: rows.length, maxLength: rows.length }).map((breakages) =>
        rows.map((row, index) => ({ ...row, breakage: breakages[index] })),
      ),
    );
    await fc.assert(
      fc.asyncProperty(broken, fc.integer({ min: 1, max: 200 }), async (rows, chunkBytes) => {
        const { comments, problems } = await parse(format, rows, chunkBytes);
        const intact = rows.filter((row) => !row.breakage);
        expect(comments.map((comment) => comment.body)).toEqual(intact.map((row) => row.body));
        const reportedLines = new Set(problems.map((problem) => problem.line));
        expect(comments.length + reportedLines.size).toBe(rows.length);
        for (const problem of problems) expect(problem.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});
