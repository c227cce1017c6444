import { describe, expect, it } from "vitest";
import { parseJson } from "./parse-json";
import { chunksOf, collect, fixture } from "./parse-test-helpers";

const options = { fileName: "comments.json" };

describe("parseJson", () => {
  it("streams an array of articles with their comments", async () => {
    const { articles, comments, problems } = await collect(parseJson(fixture("comments.json"), options));
    expect(problems).toEqual([]);
    expect(articles.map((article) => article.key)).toEqual(["id:925511", "url:https://tribune.com.pk/story/925600/karachi-rains-lash-city"]);
    expect(articles[0]?.publishedAt?.toISOString()).toBe("2015-07-23T00:00:00.000Z");
    expect(comments.map((comment) => [comment.key, comment.line, comment.statusHint])).toEqual([
      ["id:c-1", 8, "APPROVED"],
      ["id:c-2", 15, undefined],
      [expect.stringMatching(/^hash:/), 23, undefined],
      ["id:c-10", 37, "PENDING"],
      ["id:c-11", 38, "HIDDEN"],
    ]);
    expect(comments[1]).toMatchObject({ parentKey: "id:c-1", authorExternalId: "u-77", source: "moddesk", postedAt: new Date("2015-07-23T13:54:00Z") });
    expect(comments[2]).toMatchObject({ source: "legacy-cms", body: 'Why can’t we? {not: [a, "bracket"]}' });
  });

  it("accepts a single article object", async () => {
    const single = '{"title":"Solo","comments":[{"body":"Hi","postedAt":"2015-07-23T10:00:00Z"}]}';
    const { articles, comments, problems } = await collect(parseJson(chunksOf(single, 5), options));
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(comments).toHaveLength(1);
  });

  it("reports each bad comment with its line and field and keeps the good ones", async () => {
    const { articles, comments, problems } = await collect(parseJson(fixture("comments-bad.json"), options));
    expect(comments.map((comment) => comment.externalId)).toEqual(["c-1", "c-5", "c-20"]);
    expect(articles.map((article) => article.key)).toEqual(["id:925511", "url:https://example.com/rains"]);
    expect(problems).toEqual([
      { line: 7, field: "postedAt", message: "comment 2: postedAt 'yesterday' is not a date (expected ISO 8601 like 2015-07-23T18:43:00Z)" },
      { line: 8, field: "body", message: "comment 3: body is missing" },
      expect.objectContaining({ line: 12, message: expect.stringContaining("not valid UTF-8") }),
      expect.objectContaining({ line: 16, field: "title", message: expect.stringContaining("title is missing") }),
      expect.objectContaining({ line: 22, message: expect.stringContaining("truncated") }),
    ]);
  });

  it("reports syntax errors with a line inside the article", async () => {
    const text = '[\n{"title":"A","comments":[\n{"body":"x","postedAt":"2015-07-23T10:00:00Z",}\n]},\n{"title":"B"}\n]';
    const { articles, problems } = await collect(parseJson(chunksOf(text), options));
    expect(articles.map((article) => article.title)).toEqual(["B"]);
    expect(problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining("not valid JSON") })]);
  });

  it("refuses files that are not an article or a list of them", async () => {
    for (const text of ["", "42", '"x"', "[1]"]) {
      const { problems } = await collect(parseJson(chunksOf(text), options));
      expect(problems).toHaveLength(1);
    }
  });

  // An upload is parsed on the web server's one event loop: an article of 600,000 fields held it
  // for seconds (JSON.parse of a dictionary object, its copy, zod listing every unknown key).
  it("skips an article holding an object of more than 1,000 fields, naming its line, and reads the next one", async () => {
    const fields = Array.from({ length: 1_001 }, (_, index) => `"k${index}":1`).join(",");
    const text = `[\n{"title":"A","comments":[\n{"body":"x","postedAt":"2015-07-23T10:00:00Z"},\n{${fields}}\n]},\n{"title":"B"}\n]`;
    const { articles, problems } = await collect(parseJson(chunksOf(text, 4096), options));
    expect(articles.map((article) => article.title)).toEqual(["B"]);
    expect(problems).toEqual([{ line: 4, message: expect.stringMatching(/^the article starting on line 2 has an object of more than 1,000 fields on line 4/) }]);
  });

  it("skips an article nested more than 64 deep", async () => {
    const text = `[{"title":"A","comments":[${"[".repeat(70)}${"]".repeat(70)}]},{"title":"B"}]`;
    const { articles, problems } = await collect(parseJson(chunksOf(text), options));
    expect(articles.map((article) => article.title)).toEqual(["B"]);
    expect(problems).toEqual([{ line: 1, message: expect.stringMatching(/nests arrays and objects more than 64 deep/) }]);
  });
});
