import { describe, expect, it } from "vitest";
import { parseJsonl } from "./parse-jsonl";
import { chunksOf, collect, fixture } from "./parse-test-helpers";

const options = { fileName: "comments.jsonl" };

describe("parseJsonl", () => {
  it("reads one comment per line, announcing each article once, skipping blank lines", async () => {
    const { events, comments, problems } = await collect(parseJsonl(fixture("comments.jsonl"), options));
    expect(problems).toEqual([]);
    expect(events.map((event) => event.type)).toEqual(["article", "comment", "comment", "article", "comment", "article", "comment"]);
    expect(comments.map((comment) => comment.line)).toEqual([1, 2, 4, 5]);
    expect(comments[1]).toMatchObject({ key: "id:c-2", parentKey: "id:c-1", articleKey: "id:925511", statusHint: "APPROVED" });
    expect(comments[2]?.postedAt.toISOString()).toBe("2015-07-24T05:30:00.000Z");
    expect(comments[3]?.articleKey).toMatch(/^title:/);
  });

  it("lists every problem of a bad line and marks all but the first as the same row (a row is rejected once)", async () => {
    const line = JSON.stringify({ id: "c-1", article: { id: "a" }, body: "", postedAt: "not a date" });
    const { events } = await collect(parseJsonl(chunksOf(`${line}\n`), options));
    const problems = events.filter((event) => event.type === "problem");
    expect(problems).toEqual([
      { type: "problem", problem: { line: 1, field: "body", message: "body is blank" } },
      { type: "problem", problem: { line: 1, field: "postedAt", message: expect.stringContaining("postedAt 'not a date' is not a date") }, sameRow: true },
    ]);
  });

  it("reports each bad line with its field and keeps the good ones", async () => {
    const { comments, problems } = await collect(parseJsonl(fixture("comments-bad.jsonl"), options));
    expect(comments.map((comment) => comment.externalId)).toEqual(["c-1", "c-7"]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining("not valid JSON") }),
      { line: 3, field: "body", message: "body is missing" },
      { line: 4, field: "postedAt", message: "postedAt 'yesterday' is not a date (expected ISO 8601 like 2015-07-23T18:43:00Z)" },
      expect.objectContaining({ line: 5, message: expect.stringContaining("not valid UTF-8") }),
      { line: 8, field: "status", message: "status 'deleted' is not one of 'pending', 'approved', 'hidden'" },
      expect.objectContaining({ line: 8, field: "article" }),
      expect.objectContaining({ line: 9, message: expect.stringContaining("not valid JSON") }),
    ]);
  });

  // An upload is parsed on the web server's one event loop: a line of 600,000 fields held it for
  // seconds (JSON.parse of a dictionary object, then zod listing every unknown key) for every user.
  it("refuses a line whose object has more fields than a comment could have, before it is parsed, and keeps the next line", async () => {
    const wide = `{"body":"x","postedAt":"2015-07-23T10:00:00Z","article":{"id":"a"},${Array.from({ length: 20_000 }, (_, index) => `"k${index}":1`).join(",")}}`;
    const good = JSON.stringify({ id: "c-2", article: { id: "a" }, body: "fine", postedAt: "2015-07-23T10:00:00Z" });
    const { comments, problems } = await collect(parseJsonl(chunksOf(`${wide}\n${good}\n`, 64 * 1024), options));
    expect(problems).toEqual([{ line: 1, message: expect.stringMatching(/^line 1 has an object of more than 1,000 fields/) }]);
    expect(comments.map((comment) => comment.externalId)).toEqual(["c-2"]);
  });
});
