import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { importFile } from "@/lib/import/import-file";
import { ingestComments } from "@/lib/import/ingest-comments";
import { ingestBodySchema } from "@/lib/import/schemas-ingest";
import { TEST_ACTOR } from "./import-helpers";

// Two WordPress sites (or Disqus forums) number their comments independently: a second site's
// comment 2 is another comment, and an id seen again with other text is reported, never skipped.

const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-site-keys-"));

interface WxrComment {
  id: number;
  parent?: number;
  author: string;
  text: string;
  at: string;
}

function wxr(channel: string, posts: { id: number; title: string; comments: WxrComment[] }[]): string {
  const items = posts.map(
    (post) => `  <item>
    <title>${post.title}</title>
    <link>${channel.replace(/<[^>]+>/g, "").trim()}/?p=${post.id}</link>
    <wp:post_id>${post.id}</wp:post_id>
    <wp:post_date_gmt>2024-03-01 08:00:00</wp:post_date_gmt>
    <wp:post_type>post</wp:post_type>
${post.comments
  .map(
    (comment) => `    <wp:comment>
      <wp:comment_id>${comment.id}</wp:comment_id>
      <wp:comment_author><![CDATA[${comment.author}]]></wp:comment_author>
      <wp:comment_date_gmt>${comment.at}</wp:comment_date_gmt>
      <wp:comment_content><![CDATA[${comment.text}]]></wp:comment_content>
      <wp:comment_approved>0</wp:comment_approved>
      <wp:comment_parent>${comment.parent ?? 0}</wp:comment_parent>
    </wp:comment>`,
  )
  .join("\n")}
  </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>A blog</title>
  ${channel}
${items.join("\n")}
</channel>
</rss>
`;
}

function writeFile(name: string, text: string): string {
  const file = path.join(scratch, `${randomBytes(3).toString("hex")}-${name}`);
  writeFileSync(file, text);
  return file;
}

const importWxr = (file: string) => importFile({ filePath: file, format: "wxr", via: "cli", actor: TEST_ACTOR });

// Site A: two comments numbered 11, in different posts (as isso's exporter writes them).
const alphaPosts = [
  { id: 1, title: "Tram line opens", comments: [ { id: 2, author: "Noor", text: "About time the tram came here.", at: "2024-03-01 09:00:00" }, { id: 11, parent: 2, author: "Sam", text: "It skips my stop though.", at: "2024-03-01 09:30:00" } ] },
  { id: 2, title: "Harbour cleanup", comments: [{ id: 11, author: "Ines", text: "Volunteers were out at dawn.", at: "2024-03-02 07:00:00" }] },
];
const alpha = wxr("<wp:base_site_url>https://alpha.example</wp:base_site_url>", alphaPosts);
// Site B: its own comment 2, told apart by the channel's link.
const beta = wxr("<link>https://beta.example/news/</link>", [{ id: 1, title: "Budget vote delayed", comments: [ { id: 2, author: "Omar", text: "Delayed again, what a surprise.", at: "2024-03-05 10:00:00" }, { id: 3, author: "Lena", text: "The council needs a deadline.", at: "2024-03-05 10:05:00" } ] }]);

async function storedKeys(prefix: string): Promise<string[]> {
  const rows = await db.comment.findMany({ where: { dedupeKey: { startsWith: prefix } }, orderBy: { dedupeKey: "asc" }, select: { dedupeKey: true } });
  return rows.map((row) => row.dedupeKey);
}

describe("comments keyed by their site", () => {
  it("keeps both sites' comment 2 and both comments numbered 11, and re-imports add nothing", async () => {
    const alphaFile = writeFile("alpha.xml", alpha);
    const betaFile = writeFile("beta.xml", beta);
    expect(await importWxr(alphaFile)).toMatchObject({ added: 3, duplicates: 0, rejected: 0, articles: 2 });
    expect(await importWxr(betaFile)).toMatchObject({ added: 2, duplicates: 0, rejected: 0, articles: 1 });
    expect(await storedKeys("wordpress:id:alpha.example/")).toEqual(["wordpress:id:alpha.example/1/11", "wordpress:id:alpha.example/1/2", "wordpress:id:alpha.example/2/11"]);
    expect(await storedKeys("wordpress:id:beta.example/news/")).toEqual(["wordpress:id:beta.example/news/1/2", "wordpress:id:beta.example/news/1/3"]);
    const reply = await db.comment.findUniqueOrThrow({ where: { dedupeKey: "wordpress:id:alpha.example/1/11" }, select: { parent: { select: { body: true } } } });
    expect(reply.parent?.body).toBe("About time the tram came here.");

    expect(await importWxr(alphaFile)).toMatchObject({ added: 0, duplicates: 3, rejected: 0 });
    expect(await importWxr(betaFile)).toMatchObject({ added: 0, duplicates: 2, rejected: 0 });
  });

  it("reports an id seen again with other text, with its line, and keeps the stored comment", async () => {
    const original = wxr("<link>https://gamma.example</link>", [{ id: 7, title: "Stadium plans", comments: [ { id: 40, author: "Ravi", text: "Where will people park?", at: "2024-04-01 12:00:00" }, { id: 41, author: "Mia", text: "Good news for the district.", at: "2024-04-01 12:10:00" } ] }]);
    await importWxr(writeFile("gamma.xml", original));
    const edited = original.replace("Where will people park?", "Where will anyone park?");
    const lineOfEdited = edited.split("\n").findIndex((line) => line.includes("<wp:comment>")) + 1;
    const report = await importWxr(writeFile("gamma-edited.xml", edited));
    expect(report).toMatchObject({ added: 0, duplicates: 1, rejected: 1 });
    expect(report.problems).toEqual([{ line: lineOfEdited, field: "id", message: expect.stringMatching(/^comment 40: a different comment with the same id from 'wordpress' is already stored \(comment #\d+\)/) }]);
    expect((await db.comment.findUniqueOrThrow({ where: { dedupeKey: "wordpress:id:gamma.example/7/40" } })).body).toBe("Where will people park?");
  });

  it("re-imports a file loaded before keys named the site without adding anything (legacy keys are taken over)", async () => {
    const file = writeFile("delta.xml", wxr("<link>https://delta.example</link>", [{ id: 5, title: "Library hours", comments: [ { id: 60, author: "Ana", text: "Open on Sundays, please.", at: "2024-05-01 08:00:00" }, { id: 61, parent: 60, author: "Ben", text: "Seconded.", at: "2024-05-01 08:05:00" } ] }]));
    await importWxr(file);
    // What an earlier version stored: keys without the site, hashes over the old article key.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(`UPDATE comment SET "dedupeKey" = 'wordpress:id:' || "externalId", "parentDedupeKey" = CASE WHEN "parentDedupeKey" IS NULL THEN NULL ELSE 'wordpress:id:60' END, "contentHash" = md5(body) WHERE "dedupeKey" LIKE 'wordpress:id:delta.example/%'`);
      await client.query(`UPDATE article SET key = 'id:5' WHERE key = 'id:delta.example/5'`);
    } finally {
      await client.end();
    }
    expect(await importWxr(file)).toMatchObject({ added: 0, duplicates: 2, rejected: 0, problems: [] });
    expect(await storedKeys("wordpress:id:delta.example/")).toEqual(["wordpress:id:delta.example/5/60", "wordpress:id:delta.example/5/61"]);
    expect(await db.article.count({ where: { key: { in: ["id:5", "id:delta.example/5"] } } })).toBe(1);
    // Another site's comment 60, arriving after the upgrade, is another comment.
    expect(await importWxr(writeFile("epsilon.xml", wxr("<link>https://epsilon.example</link>", [{ id: 5, title: "Pool reopens", comments: [{ id: 60, author: "Eve", text: "Finally, the pool!", at: "2024-05-02 09:00:00" }] }])))).toMatchObject({ added: 1, rejected: 0 });
  });

  it("keys Disqus posts by forum", async () => {
    const disqus = (forum: string, text: string) => `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
  <thread dsq:id="900"><id>story-1</id><forum>${forum}</forum><link>https://${forum}.example/story-1</link><title>Story one</title><createdAt>2024-06-01T08:00:00Z</createdAt></thread>
  <post dsq:id="77"><message><![CDATA[<p>${text}</p>]]></message><createdAt>2024-06-01T09:00:00Z</createdAt><author><name>reader</name></author><thread dsq:id="900" /></post>
</disqus>
`;
    const importDisqus = (forum: string, text: string) => importFile({ filePath: writeFile(`${forum}.xml`, disqus(forum, text)), format: "disqus", via: "cli", actor: TEST_ACTOR });
    expect(await importDisqus("north", "A post on the north forum.")).toMatchObject({ added: 1 });
    expect(await importDisqus("south", "A post on the south forum.")).toMatchObject({ added: 1, rejected: 0 });
    expect(await storedKeys("disqus:id:")).toEqual(expect.arrayContaining(["disqus:id:north/77", "disqus:id:south/77"]));
  });
});

describe("the ingest API with the default source", () => {
  it("rejects another system's comment that reuses an id, instead of calling it a duplicate", async () => {
    const send = (body: string) => ingestComments(ingestBodySchema.parse({ id: "site-keys-article", title: "Ferry timetable", comments: [{ id: "c-1", body, postedAt: "2024-07-01T10:00:00Z" }] }), TEST_ACTOR);
    const first = await send("The 8:15 ferry never runs on time.");
    expect(first).toMatchObject({ created: 1 });
    expect(await send("The 8:15 ferry never runs on time.")).toMatchObject({ created: 0, duplicates: 1, rejected: 0 });
    const other = await send("A different system's comment c-1.");
    expect(other).toMatchObject({ created: 0, duplicates: 0, rejected: 1 });
    expect(other.comments[0]).toMatchObject({ status: "rejected", reason: expect.stringMatching(/different comment with this id is already stored .*comment #\d+.*its own `source`/) });
    expect(other.comments[0]?.id).toBeUndefined();
  });
});
