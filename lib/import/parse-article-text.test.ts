import { describe, expect, it } from "vitest";
import { parseArticleText } from "./parse-article-text";
import { chunksOf, collect, fixture } from "./parse-test-helpers";

const SAMPLE = "tribune-2015-07-23-isi-surveillance.txt";
const options = { fileName: SAMPLE };

describe("parseArticleText on the Express Tribune sample", async () => {
  const { articles, comments, problems, warnings } = await collect(parseArticleText(fixture(SAMPLE), options));
  const byStart = (start: string) => comments.find((comment) => comment.body.startsWith(start));

  it("reads the article", () => {
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(article?.title).toBe("Pakistan building digital espionage capacity to rival the US");
    expect(article?.publishedAt?.toISOString()).toBe("2015-07-23T00:00:00.000Z");
    expect(article?.key).toMatch(/^title:[0-9a-f]{64}$/);
    const paragraphs = article?.body?.split("\n\n") ?? [];
    expect(paragraphs).toHaveLength(12);
    expect(paragraphs[0]).toBe("ISLAMABAD:\u00a0Pakistan’s intelligence agency sought to tap worldwide Internet traffic via underwater cables that would have given the country a digital espionage capacity to rival the US, according to a report by Privacy International.");
    expect(article?.body).not.toContain("Read:");
    expect(paragraphs.at(-1)).toMatch(/^Rights groups also expressed concern/);
  });

  it("reads all 21 comments with no problems and no count warning", () => {
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(comments).toHaveLength(21);
    expect(comments.map((comment) => comment.index)).toEqual([...Array(21).keys()]);
    expect(comments.every((comment) => comment.source === "article" && comment.articleKey === articles[0]?.key)).toBe(true);
    expect(comments.every((comment) => comment.key.startsWith("hash:"))).toBe(true);
    expect(new Set(comments.map((comment) => comment.key)).size).toBe(21);
  });

  it("keeps the authors in order, undefined where the page shows none", () => {
    // The sample has 7 anonymous comments (bullet directly followed by the date).
    expect(comments.map((comment) => comment.authorName)).toEqual([
      "curious2", "jerry", "Bilal", "Ali S", "Rashid", "MK", "bubba5", undefined, "Usman", "Mind boggling", "Usman",
      "ajeet", undefined, undefined, "Union Jack", undefined, undefined, "Usman", undefined, "Usman", undefined,
    ]);
  });

  it("keeps exact text: inner line breaks, paragraph breaks, curly quotes; drops the indent and the glued Recommend", () => {
    expect(comments[1]?.body).toBe(
      "Let us not make fool of intelligence of common reader.\n" +
        "Article says\n" +
        "“also claims the ISI sought access to tap data from three of the four “landing sites” that pass through the country’s port city of Karachi”\n" +
        "If you tap data from landing site than you have access to data enter and leaving country specific ,you can not tap data of worldwide internet traffic.\n" +
        "\n" +
        "Let us do some research before printing article, this is totally absurd observation.",
    );
    expect(comments[2]?.body).toBe(
      "Thank you, this is the first thing that clicked when I read the complete article. The headline is typical click bait.\n\n" +
        "The report just talks about proposals and whether ISI actually went ahead with it is unknown. Secondly, as clearly mentioned in the report and this article the taps were supposed to be at LANDING points which means that only data entering and exiting the country would be tapped. This poses no threat to anyother country.",
    );
    expect(comments[7]?.body).toBe("Why can’t we?");
    expect(comments[18]?.body).toBe("So this is good.");
    expect(comments[9]?.body.endsWith("what happens when people operating the systems resigns, and divulges information?")).toBe(true);
    expect(comments[20]?.body).toBe("I’m sure the last word we would see would be India….India “da mastermindo of terrorismi” …");
    expect(comments.some((comment) => /Recommend$/.test(comment.body))).toBe(false);
  });

  it("links replies to the addressed author's latest earlier comment, keeping the @Name prefix", () => {
    const aliS = comments.find((comment) => comment.authorName === "Ali S");
    const mk = comments.find((comment) => comment.authorName === "MK");
    expect(mk?.body.startsWith("@ Ali S, are you serious?")).toBe(true);
    expect(mk?.parentKey).toBe(aliS?.key);

    const mindBoggling = comments.find((comment) => comment.authorName === "Mind boggling");
    const usmanReply = byStart("@Mind boggling:");
    expect(usmanReply?.authorName).toBe("Usman");
    expect(usmanReply?.parentKey).toBe(mindBoggling?.key);

    const unionJack = comments.find((comment) => comment.authorName === "Union Jack");
    const unionReplies = comments.filter((comment) => comment.body.startsWith("@Union Jack:"));
    expect(unionReplies.map((comment) => comment.authorName)).toEqual([undefined, "Usman"]);
    expect(unionReplies.every((comment) => comment.parentKey === unionJack?.key)).toBe(true);

    expect(comments.filter((comment) => comment.parentKey !== undefined)).toHaveLength(4);
  });

  it("reads wall-clock timestamps, 12-hour clock included", () => {
    expect(comments[0]?.postedAt.toISOString()).toBe("2015-07-23T18:43:00.000Z");
    expect(comments[6]?.postedAt.toISOString()).toBe("2015-07-24T00:59:00.000Z");
    expect(comments[7]?.postedAt.toISOString()).toBe("2015-07-24T02:37:00.000Z");
    expect(comments[20]?.postedAt.toISOString()).toBe("2015-07-26T23:53:00.000Z");
    expect(comments.map((comment) => comment.line).slice(0, 3)).toEqual([38, 43, 53]);
  });
});

describe("parseArticleText options and malformed pages", () => {
  it("applies utcOffsetMinutes to zone-less dates (Pakistan is UTC+5)", async () => {
    const { comments } = await collect(parseArticleText(fixture(SAMPLE), { fileName: SAMPLE, utcOffsetMinutes: 300 }));
    expect(comments[0]?.postedAt.toISOString()).toBe("2015-07-23T13:43:00.000Z");
  });

  it("reports a bad publication date, a bad comment date, a comment with no date, and the count mismatch", async () => {
    const { articles, comments, problems, warnings } = await collect(parseArticleText(fixture("article-bad.txt"), options));
    expect(articles).toHaveLength(1);
    expect(articles[0]?.publishedAt).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ line: 3, field: "publishedAt" }),
      expect.objectContaining({ line: 19, field: "postedAt", message: expect.stringContaining("'Jul 32, 2015 - 10:45AM' is not a date") }),
      expect.objectContaining({ line: 24, field: "postedAt" }),
    ]);
    expect(comments.map((comment) => comment.body)).toEqual(["Roads flooded again.", "@sana: which road?"]);
    expect(comments[1]?.parentKey).toBe(comments[0]?.key);
    expect(warnings).toEqual([expect.objectContaining({ line: 11, message: expect.stringContaining("Reader Comments (5)") })]);
  });

  it("reports a page without a title instead of throwing", async () => {
    const { problems, articles } = await collect(parseArticleText(fixture("article-no-title.txt"), options));
    expect(articles).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ line: 3, field: "title" })]);
  });

  it("handles a bullet with nothing after it (author and date on later lines) and an empty file", async () => {
    const page = "Title\n\nBody.\n\nReader Comments (1)\n\n  \u2022\n    Jul 23, 2015 - 12:05PM\n\n    Noon comment.Recommend\n";
    const { comments, warnings } = await collect(parseArticleText(chunksOf(page), options));
    expect(comments).toEqual([expect.objectContaining({ body: "Noon comment.", line: 7, postedAt: new Date("2015-07-23T12:05:00Z") })]);
    expect(comments[0]?.authorName).toBeUndefined();
    expect(warnings).toEqual([]);
    const empty = await collect(parseArticleText(chunksOf(""), options));
    expect(empty.problems).toEqual([expect.objectContaining({ line: 1, field: "title" })]);
  });
});
