import { describe, expect, it } from "vitest";
import { parseImport } from "./parse-import";
import { chunksOf, collect } from "./parse-test-helpers";
import type { ImportFormat } from "./types";

const TEN_MB = "a".repeat(10 * 1024 * 1024);
const at = "2015-07-23T18:43:00Z";

// Each file: a 10 MB comment followed by a normal one.
const HUGE_COMMENT_FILES: Record<ImportFormat, { text: string; line: number }> = {
  csv: { text: `article_title,body,posted_at\nA,${TEN_MB},${at}\nA,small,${at}\n`, line: 2 },
  jsonl: { text: `${JSON.stringify({ article: { id: "1" }, body: TEN_MB, postedAt: at })}\n${JSON.stringify({ article: { id: "1" }, body: "small", postedAt: at })}\n`, line: 1 },
  json: { text: `{"title":"A","comments":[\n${JSON.stringify({ body: TEN_MB, postedAt: at })},\n${JSON.stringify({ body: "small", postedAt: at })}]}`, line: 2 },
  article: { text: `Title\n\nBody.\n\nReader Comments (2)\n\n  \u2022 big\n    Jul 23, 2015 - 6:43PM\n\n    ${TEN_MB}Recommend\n\n  \u2022 small\n    Jul 23, 2015 - 6:44PM\n\n    small\n`, line: 7 },
  disqus: {
    text: `<disqus xmlns:dsq="x">\n<thread dsq:id="t"><link>https://a</link></thread>\n<post dsq:id="p1"><message><![CDATA[${TEN_MB}]]></message><createdAt>${at}</createdAt><thread dsq:id="t"/></post>\n<post dsq:id="p2"><message>small</message><createdAt>${at}</createdAt><thread dsq:id="t"/></post>\n</disqus>\n`,
    line: 3,
  },
  wxr: {
    text: `<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>A</title><wp:post_id>1</wp:post_id>\n<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_date_gmt>2015-07-23 18:43:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${TEN_MB}]]></wp:comment_content></wp:comment>\n<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_date_gmt>2015-07-23 18:44:00</wp:comment_date_gmt><wp:comment_content>small</wp:comment_content></wp:comment>\n</item></channel></rss>\n`,
    line: 2,
  },
};

describe("parseImport", () => {
  it.each(Object.keys(HUGE_COMMENT_FILES) as ImportFormat[])("rejects a 10 MB %s comment as a body problem and keeps going", async (format) => {
    const { text, line } = HUGE_COMMENT_FILES[format];
    const { comments, problems } = await collect(parseImport(format, chunksOf(text, 65536), { fileName: `big.${format}` }));
    expect(comments.map((comment) => comment.body)).toEqual(["small"]);
    expect(problems).toEqual([expect.objectContaining({ line, field: "body", message: expect.stringMatching(/10,485,760 characters long; the limit is 100,000/) })]);
  });

  it("honours a custom maxBodyChars", async () => {
    const text = "article_title,body,posted_at\nA,twelve chars,2015-07-23T18:43:00Z\nA,short,2015-07-23T18:43:00Z\n";
    const { comments, problems } = await collect(parseImport("csv", chunksOf(text), { fileName: "x.csv", maxBodyChars: 10 }));
    expect(comments.map((comment) => comment.body)).toEqual(["short"]);
    expect(problems).toEqual([expect.objectContaining({ line: 2, field: "body" })]);
  });

  it("turns a failing input stream into a problem instead of an exception", async () => {
    async function* failing(): AsyncGenerator<string> {
      yield "article_title,body,posted_at\nA,ok,2015-07-23T18:43:00Z\n";
      throw new Error("connection reset");
    }
    const { comments, problems } = await collect(parseImport("csv", failing(), { fileName: "x.csv" }));
    expect(comments).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining("connection reset") })]);
  });
});
