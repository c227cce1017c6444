import { describe, expect, it } from "vitest";
import { parseDisqus } from "./parse-disqus";
import { chunksOf, collect, fixture } from "./parse-test-helpers";

const options = { fileName: "disqus.xml" };

describe("parseDisqus", () => {
  it("turns threads into articles and posts into comments, as plain text", async () => {
    const { articles, comments, problems, warnings } = await collect(parseDisqus(fixture("disqus-export.xml"), options));
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(articles).toEqual([
      expect.objectContaining({ key: "id:tribune-pk/925511", legacyKey: "id:925511", externalId: "925511", url: "https://tribune.com.pk/story/925511/pakistan-building-digital-espionage-capacity" }),
      expect.objectContaining({ key: "url:https://tribune.com.pk/story/925600/karachi-rains-lash-city", title: "Rains lash Karachi & Hyderabad", body: "Heavy rains hit the city." }),
    ]);
    expect(comments).toHaveLength(6);
    expect(comments.every((comment) => comment.source === "disqus")).toBe(true);
    expect(comments[0]).toMatchObject({ key: "id:tribune-pk/2141528001", legacyKey: "id:2141528001", externalId: "2141528001", authorName: "curious2", authorExternalId: "curious2", line: 35, body: "Seeking is different than obtaining.\n\nI find it unlikely — digital or otherwise." });
    expect(comments[1]?.body).toBe("Let us not make fool of intelligence of common reader.\nArticle says “landing sites” & that's it.");
    expect(comments[2]).toMatchObject({ parentKey: "id:tribune-pk/2141528001", articleKey: "id:tribune-pk/925511" });
    expect(comments[3]).toMatchObject({ statusHint: "HIDDEN" });
    expect(comments[4]).toMatchObject({ statusHint: "HIDDEN", body: "Cheap watches at spam.example!!!", articleKey: articles[1]?.key });
    expect(comments[5]).toMatchObject({ body: "Roads flooded again in Saddar.\n\nWhen will the drains be cleaned?", postedAt: new Date("2015-07-24T10:30:00Z") });
    expect(comments.filter((comment) => comment.statusHint === undefined)).toHaveLength(4);
    expect(JSON.stringify(comments)).not.toContain("@example.com");
    expect(JSON.stringify(comments)).not.toContain("203.0.113.7");
  });

  it("reports bad posts with their line and field and keeps the good ones", async () => {
    const { comments, problems } = await collect(parseDisqus(fixture("disqus-export-bad.xml"), options));
    expect(comments.map((comment) => comment.externalId)).toEqual(["101", "105"]);
    expect(problems).toEqual([
      { line: 15, field: "createdAt", message: "post 102: createdAt 'yesterday' is not a date (expected ISO 8601 like 2015-07-23T18:43:00Z)" },
      expect.objectContaining({ line: 20, field: "thread" }),
      expect.objectContaining({ line: 26, message: expect.stringContaining("not valid UTF-8") }),
      expect.objectContaining({ line: 36, message: expect.stringContaining("truncated") }),
    ]);
  });

  it("refuses a billion-laughs DOCTYPE at once, without expanding anything", async () => {
    const started = performance.now();
    const { articles, comments, problems } = await collect(parseDisqus(fixture("billion-laughs.xml"), options));
    expect(performance.now() - started).toBeLessThan(500);
    expect(articles).toEqual([]);
    expect(comments).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining("<!ENTITY") })]);
  });

  it("refuses elements nested past 100 deep, before the parser holds them all (2 million deep took 1 GB)", async () => {
    async function* deep(): AsyncGenerator<string> {
      yield '<?xml version="1.0"?>\n<disqus>\n';
      for (let index = 0; index < 200; index++) yield "<a>".repeat(10_000);
      yield "\n</disqus>\n";
    }
    const { articles, comments, problems } = await collect(parseDisqus(deep(), options));
    expect(articles).toEqual([]);
    expect(comments).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/^elements are nested more than 100 deep; refused/) })]);
  });

  it("refuses a huge DOCTYPE before buffering it, and an external DTD", async () => {
    async function* hugeDoctype(): AsyncGenerator<string> {
      yield '<?xml version="1.0"?>\n<!DOCTYPE disqus [\n';
      for (let i = 0; i < 10_000; i++) yield `<!-- ${"x".repeat(1000)} -->\n`;
      yield "]>\n<disqus/>\n";
    }
    const huge = await collect(parseDisqus(hugeDoctype(), options));
    expect(huge.problems).toEqual([expect.objectContaining({ message: expect.stringContaining("no XML root element") })]);
    const external = await collect(parseDisqus(chunksOf('<!DOCTYPE disqus SYSTEM "http://evil.example/x.dtd">\n<disqus></disqus>'), options));
    expect(external.problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining("external DTD") })]);
  });

  it("says so when the file is not a Disqus export", async () => {
    const { problems } = await collect(parseDisqus(fixture("wordpress-export.xml"), options));
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining("not a Disqus export") })]);
  });
});
