import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { importFixture, parentOf, parsedComments, resetContent, storedComments } from "./import-helpers";

// Each format, end to end into PostgreSQL: exact text, threading and statuses as stored.

beforeEach(resetContent);

describe("importing the sample thread (article page text, Pakistan time)", () => {
  it("stores 1 article and its 21 comments with exact text and the 4 reply links", async () => {
    const summary = await importFixture("tribune-2015-07-23-isi-surveillance.txt", { utcOffsetMinutes: 300 });
    expect(summary).toMatchObject({ format: "article", articles: 1, added: 21, duplicates: 0, rejected: 0, problems: [] });
    const articles = await db.article.findMany({ select: { id: true, title: true } });
    expect(articles).toEqual([{ id: expect.any(Number), title: "Pakistan building digital espionage capacity to rival the US" }]);

    const parsed = await parsedComments("tribune-2015-07-23-isi-surveillance.txt", "article", 300);
    const rows = await storedComments();
    expect(rows).toHaveLength(21);
    expect(rows.map((row) => row.body)).toEqual(parsed.map((comment) => comment.body));
    expect(rows.map((row) => row.authorName)).toEqual(parsed.map((comment) => comment.authorName ?? null));
    expect(rows[0]?.postedAt.toISOString()).toBe("2015-07-23T13:43:00.000Z");
    expect(rows[7]?.body).toBe("Why can’t we?");
    expect(rows[18]?.body).toBe("So this is good.");
    expect(rows.every((row) => row.articleId === articles[0]?.id && row.status === "PENDING")).toBe(true);

    const replies = rows.filter((row) => row.parentId !== null);
    expect(replies).toHaveLength(4);
    const mk = rows.find((row) => row.authorName === "MK");
    expect(mk?.body.startsWith("@ Ali S, are you serious?")).toBe(true);
    expect(parentOf(rows, mk)?.authorName).toBe("Ali S");
    const usmanReply = rows.find((row) => row.body.startsWith("@Mind boggling:"));
    expect(parentOf(rows, usmanReply)?.authorName).toBe("Mind boggling");
    const unionReplies = rows.filter((row) => row.body.startsWith("@Union Jack:"));
    expect(unionReplies.map((row) => parentOf(rows, row)?.authorName)).toEqual(["Union Jack", "Union Jack"]);
    // Every stored link is the one the parser found: the parent's dedupe key matches.
    for (const reply of replies) expect(parentOf(rows, reply)?.dedupeKey).toBe(reply.parentDedupeKey);
  });
});

describe("importing the other formats", () => {
  it("CSV: exact multi-line text, the reply link and the status column", async () => {
    const summary = await importFixture("comments.csv");
    expect(summary).toMatchObject({ format: "csv", articles: 3, added: 4, rejected: 0 });
    const rows = await storedComments();
    expect(rows.map((row) => [row.dedupeKey.startsWith("moddesk:"), row.status])).toEqual([
      [true, "APPROVED"],
      [true, "PENDING"],
      [true, "PENDING"],
      [true, "HIDDEN"],
    ]);
    expect(rows[1]?.body).toBe('Let us not make fool of intelligence of common reader.\nArticle says "landing sites"');
    expect(parentOf(rows, rows[1])?.dedupeKey).toBe("moddesk:id:c-1");
    expect(rows[2]?.body).toBe("Roads flooded, again.");
    expect(rows[3]?.postedAt.toISOString()).toBe("2015-07-25T03:00:00.000Z");
  });

  it("JSON: two articles, a reply, a comment of another source, statuses", async () => {
    const summary = await importFixture("comments.json");
    expect(summary).toMatchObject({ format: "json", articles: 2, added: 5, rejected: 0 });
    const rows = await storedComments();
    const byKey = new Map(rows.map((row) => [row.dedupeKey, row]));
    expect(byKey.get("moddesk:id:c-1")).toMatchObject({ status: "APPROVED", body: "Seeking is different than obtaining." });
    expect(byKey.get("moddesk:id:c-2")).toMatchObject({ status: "PENDING", parentId: byKey.get("moddesk:id:c-1")?.id, body: 'Let us not make fool of intelligence of common reader.\nArticle says "landing sites"' });
    expect(rows.find((row) => row.dedupeKey.startsWith("legacy-cms:hash:"))?.body).toBe('Why can’t we? {not: [a, "bracket"]}');
    expect(byKey.get("moddesk:id:c-11")).toMatchObject({ status: "HIDDEN", body: "Spam spam" });
  });

  it("JSONL: articles named by id, url or title; the reply; statuses", async () => {
    const summary = await importFixture("comments.jsonl");
    expect(summary).toMatchObject({ format: "jsonl", articles: 3, added: 4, rejected: 0 });
    const rows = await storedComments();
    expect(rows.map((row) => [row.body, row.status])).toEqual([
      ["Seeking is different than obtaining.", "PENDING"],
      ["Let us not make fool of intelligence.\nArticle says", "APPROVED"],
      ["Roads flooded again.", "PENDING"],
      ["Anonymous letter.", "HIDDEN"],
    ]);
    expect(parentOf(rows, rows[1])?.dedupeKey).toBe("moddesk:id:c-1");
    expect(rows[2]?.postedAt.toISOString()).toBe("2015-07-24T05:30:00.000Z");
  });

  it("Disqus: plain text, the reply, deleted and spam posts stored HIDDEN", async () => {
    const summary = await importFixture("disqus-export.xml");
    expect(summary).toMatchObject({ format: "disqus", articles: 2, added: 6, rejected: 0 });
    const rows = await storedComments();
    expect(rows[0]).toMatchObject({ dedupeKey: "disqus:id:tribune-pk/2141528001", authorName: "curious2", body: "Seeking is different than obtaining.\n\nI find it unlikely — digital or otherwise.", status: "PENDING" });
    expect(rows[1]?.body).toBe("Let us not make fool of intelligence of common reader.\nArticle says “landing sites” & that's it.");
    expect(parentOf(rows, rows[2])?.dedupeKey).toBe("disqus:id:tribune-pk/2141528001");
    expect(rows.map((row) => row.status)).toEqual(["PENDING", "PENDING", "PENDING", "HIDDEN", "HIDDEN", "PENDING"]);
    expect(rows[4]?.body).toBe("Cheap watches at spam.example!!!");
  });

  it("WordPress WXR: approved, spam and trash statuses and nested replies", async () => {
    const summary = await importFixture("wordpress-export.xml");
    expect(summary).toMatchObject({ format: "wxr", articles: 2, added: 6, rejected: 0 });
    const rows = await storedComments();
    expect(rows.map((row) => [row.dedupeKey, row.status, parentOf(rows, row)?.dedupeKey ?? null])).toEqual([
      ["wordpress:id:courier.example.com/101/501", "APPROVED", null],
      ["wordpress:id:courier.example.com/101/502", "APPROVED", "wordpress:id:courier.example.com/101/501"],
      ["wordpress:id:courier.example.com/101/503", "HIDDEN", null],
      ["wordpress:id:courier.example.com/102/510", "PENDING", null],
      ["wordpress:id:courier.example.com/102/511", "HIDDEN", "wordpress:id:courier.example.com/102/510"],
      ["wordpress:id:courier.example.com/102/512", "APPROVED", null],
    ]);
    expect(rows[0]?.body).toBe("Finally! The 4K route was always packed.\n\nWill there be a stop near Numaish?");
    expect(rows[1]?.body).toBe("Yes & one at Guru Mandir too.");
  });
});
