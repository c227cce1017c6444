import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect-format";
import { peekHead } from "./peek-head";
import { chunksOf, FIXTURE_DIR, fixture } from "./parse-test-helpers";

function head(name: string): string {
  return readFileSync(`${FIXTURE_DIR}${name}`).subarray(0, 8192).toString("utf8");
}

describe("detectFormat", () => {
  it.each([
    ["comments.jsonl", "jsonl"],
    ["comments.json", "json"],
    ["comments.csv", "csv"],
    ["disqus-export.xml", "disqus"],
    ["wordpress-export.xml", "wxr"],
    ["tribune-2015-07-23-isi-surveillance.txt", "article"],
  ])("recognises %s as %s", (name, format) => {
    expect(detectFormat(name, head(name))).toEqual({ ok: true, format });
  });

  it("treats .ndjson as JSON Lines and sniffs content when the extension says nothing", () => {
    expect(detectFormat("x.ndjson", "")).toEqual({ ok: true, format: "jsonl" });
    expect(detectFormat("upload", head("comments.jsonl"))).toEqual({ ok: true, format: "jsonl" });
    expect(detectFormat("upload", head("comments.json"))).toEqual({ ok: true, format: "json" });
    expect(detectFormat("upload", head("comments.csv"))).toEqual({ ok: true, format: "csv" });
    expect(detectFormat("upload.dat", head("disqus-export.xml"))).toEqual({ ok: true, format: "disqus" });
    expect(detectFormat("page.htm", head("tribune-2015-07-23-isi-surveillance.txt"))).toEqual({ ok: true, format: "article" });
  });

  it("explains what is supported when it cannot tell", () => {
    const unknown = detectFormat("report.docx", "PK\u0003\u0004");
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.message).toMatch(/report\.docx.*JSON Lines.*CSV.*Disqus.*WordPress/);
    const otherXml = detectFormat("feed.xml", '<?xml version="1.0"?><rss version="2.0"><channel/></rss>');
    expect(!otherXml.ok && otherXml.message).toMatch(/neither a Disqus export/);
  });
});

describe("peekHead", () => {
  it("returns the first bytes and the whole stream unchanged", async () => {
    const peeked = await peekHead(fixture("comments.csv", 10), 100);
    expect(peeked.head).toBe(head("comments.csv").slice(0, 100));
    const chunks: Buffer[] = [];
    for await (const chunk of peeked.input) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString("utf8")).toBe(readFileSync(`${FIXTURE_DIR}comments.csv`, "utf8"));
    const short = await peekHead(chunksOf("tiny"), 100);
    expect(short.head).toBe("tiny");
  });
});
