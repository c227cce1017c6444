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
});
