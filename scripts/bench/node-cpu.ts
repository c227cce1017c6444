// `node bin/run-ts.mjs scripts/bench/node-cpu.ts [--comments <n>]`: CPU seconds per million comments
// of each Node step of a bulk JSONL import, on the import bench's generated comments
// (import-bench-data.ts): parse + validate, the content hash, the search vector, and the rules
// (default pack with the classifier, in this thread). process.cpuUsage, best of three passes, so
// the figures hold on a loaded machine (docs/loading.md, "Where the time goes").
import { createReadStream, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import type { CommentContext } from "@/lib/detect/types";
import { projectRoot } from "@/lib/env";
import { commentContentHash } from "@/lib/import/content-hash";
import { parseJsonl } from "@/lib/import/parse-jsonl";
import { simpleSearchVector } from "@/lib/import/search-vector";
import type { ParsedComment } from "@/lib/import/types";
import { defaultPackDefinitions } from "@/lib/quality/rule-sources";
import { writeBenchJsonl } from "./import-bench-data";

const { values } = parseArgs({ options: { comments: { type: "string", default: "200000" } } });
const count = Number(values.comments);
const PASSES = 3;

function cpuPerMillion(step: () => void | Promise<void>): Promise<number> {
  return (async () => {
    let best = Infinity;
    for (let pass = 0; pass < PASSES; pass++) {
      const started = process.cpuUsage();
      await step();
      const used = process.cpuUsage(started);
      best = Math.min(best, (used.user + used.system) / count);
    }
    return best;
  })();
}

const dir = path.join(projectRoot, ".scratch");
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `import-bench-${count}.jsonl`);
if (!existsSync(file)) await writeBenchJsonl(file, count);

const comments: ParsedComment[] = [];
const articleTitles = new Map<string, string>();
const parse = await cpuPerMillion(async () => {
  comments.length = 0;
  for await (const event of parseJsonl(createReadStream(file), { fileName: path.basename(file) })) {
    if (event.type === "comment") comments.push(event.comment);
    else if (event.type === "article") articleTitles.set(event.article.key, `${event.article.title}\n`);
  }
});
let sink = 0;
const hash = await cpuPerMillion(() => {
  for (const c of comments) sink += commentContentHash({ articleKey: c.articleKey, authorName: c.authorName, postedAt: c.postedAt, body: c.body }).length;
});
const vector = await cpuPerMillion(() => {
  for (const c of comments) sink += simpleSearchVector(c.body)?.length ?? 0;
});
// The rules' view as the import builds it: the article's text, the parent's body for replies.
const bodies = new Map<string, string>();
const contexts: CommentContext[] = comments.map((c) => {
  const parentBody = c.parentKey === undefined ? undefined : bodies.get(c.parentKey);
  bodies.set(c.key, c.body);
  return { body: c.body, articleText: articleTitles.get(c.articleKey) ?? "", ...(c.authorName ? { authorName: c.authorName } : {}), ...(parentBody === undefined ? {} : { parentBody }) };
});
const set = compileRules(defaultPackDefinitions());
const rules = await cpuPerMillion(() => {
  for (const context of contexts) sink += evaluateComment(set, context).length;
});
const row = (name: string, seconds: number) => `| ${name} | ${seconds.toFixed(1)} |`;
console.log(`Node CPU s per 1M comments (${count} bench comments, best of ${PASSES} passes; checksum ${sink % 1000}):`);
console.log(["| step | CPU s / 1M |", "| --- | --- |", row("parse + validate the JSONL", parse), row("content hash", hash), row("search vector", vector), row("rules, in thread (default pack with the classifier)", rules)].join("\n"));
