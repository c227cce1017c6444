import { describe, expect, it } from "vitest";
import { parseWxr } from "./parse-wxr";
import { collect, fixture } from "./parse-test-helpers";

const options = { fileName: "wordpress.xml" };

describe("parseWxr", () => {
  it("turns items into articles and wp:comments into comments with WordPress statuses", async () => {
    const { events, articles, comments, problems, warnings } = await collect(parseWxr(fixture("wordpress-export.xml"), options));
    expect(problems).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ message: expect.stringContaining("1 pingback") })]);
    expect(events.map((event) => event.type).slice(0, 2)).toEqual(["article", "comment"]);
    expect(articles).toEqual([
      expect.objectContaining({ key: "id:courier.example.com/101", legacyKey: "id:101", url: "https://courier.example.com/2015/07/23/bus-routes/", publishedAt: new Date("2015-07-23T09:00:00Z"), body: "The council voted 12 to 3.\n\nRoutes start in August." }),
      expect.objectContaining({ key: "id:courier.example.com/102", title: "Water shortage hits Lyari" }),
    ]);
    // Keyed by site and post: another blog's comment 501 is another comment.
    expect(comments.map((comment) => [comment.key, comment.statusHint, comment.parentKey])).toEqual([
      ["id:courier.example.com/101/501", "APPROVED", undefined],
      ["id:courier.example.com/101/502", "APPROVED", "id:courier.example.com/101/501"],
      ["id:courier.example.com/101/503", "HIDDEN", undefined],
      ["id:courier.example.com/102/510", "PENDING", undefined],
      ["id:courier.example.com/102/511", "HIDDEN", "id:courier.example.com/102/510"],
      ["id:courier.example.com/102/512", "APPROVED", undefined],
    ]);
    expect(comments.map((comment) => comment.legacyKey)).toEqual(["id:501", "id:502", "id:503", "id:510", "id:511", "id:512"]);
    expect(comments[0]).toMatchObject({ source: "wordpress", line: 31, authorName: "Farah", postedAt: new Date("2015-07-23T10:10:00Z"), body: "Finally! The 4K route was always packed.\n\nWill there be a stop near Numaish?" });
    expect(comments[1]).toMatchObject({ authorExternalId: "1", body: "Yes & one at Guru Mandir too." });
    expect(comments[5]?.body).toBe("The tanker mafia is charging double now.");
    expect(JSON.stringify(comments)).not.toMatch(/@example\.com|@spam\.example|203\.0\.113/);
  });

  it("reports bad comments with their line and field and keeps the good ones", async () => {
    const { comments, problems } = await collect(parseWxr(fixture("wordpress-export-bad.xml"), options));
    expect(comments.map((comment) => comment.externalId)).toEqual(["501", "505"]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 16, field: "wp:comment_date_gmt", message: expect.stringContaining("'last tuesday' is not a date") }),
      expect.objectContaining({ line: 25, message: expect.stringContaining("not valid UTF-8") }),
      expect.objectContaining({ line: 28, field: "wp:comment_content" }),
      expect.objectContaining({ line: 41, message: expect.stringContaining("truncated") }),
    ]);
  });

  it("refuses an external-entity DOCTYPE at once and never reads /etc/passwd", async () => {
    const started = performance.now();
    const { comments, articles, problems } = await collect(parseWxr(fixture("external-entity.xml"), options));
    expect(performance.now() - started).toBeLessThan(500);
    expect(articles).toEqual([]);
    expect(comments).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining("<!ENTITY") })]);
  });
});
