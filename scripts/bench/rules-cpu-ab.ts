// `node bin/run-ts.mjs scripts/bench/rules-cpu-ab.ts [--ref <commit>] [--pack-ref <commit>] [--comments <n>]`:
// CPU seconds per million comments of this checkout's rules engine and of an earlier commit's, measured in
// turns in one process (the best of several passes each), on the import bench's comments with
// the default pack and the classifier. process.cpuUsage, so the figure does not move with the
// machine's load the way wall-clock time does; turns cancel most of what remains. Both sides run this
// checkout's default pack, unless --pack-ref gives the commit whose pack the "before" side runs (a change
// of the pack rather than of the engine: pass --ref HEAD --pack-ref <commit> to compare packs alone).
import { parseArgs } from "node:util";
import { compileRuleSet } from "@/lib/detect/compile-rule-set";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { shippedModel } from "@/lib/detect/classifier/shipped-model";
import type { CommentContext } from "@/lib/detect/types";
import { defaultPackDefinitions } from "@/lib/quality/rule-sources";
import { benchComments } from "./import-bench-data";
import { DEFAULT_ENGINE_REF, engineAt, packAt } from "../lib/engine-at";

const { values } = parseArgs({ options: { ref: { type: "string", default: DEFAULT_ENGINE_REF }, "pack-ref": { type: "string" }, comments: { type: "string", default: "50000" }, passes: { type: "string", default: "6" } } });
const count = Number(values.comments);

// As the import builds them: the article's title as its text, the parent's body for replies.
const contexts: CommentContext[] = [];
const bodies = new Map<string, string>();
const titles = new Map<string, string>();
for (const comment of benchComments(count)) {
  if (!titles.has(comment.articleId)) titles.set(comment.articleId, `${comment.articleTitle}\n`);
  const body = Buffer.from(comment.body, "utf8").toString("utf8");
  const parentBody = comment.parentId ? bodies.get(comment.parentId) : undefined;
  bodies.set(comment.id, body);
  contexts.push({ body, articleText: titles.get(comment.articleId)!, authorName: comment.author, ...(parentBody === undefined ? {} : { parentBody }) });
}

const model = shippedModel();
const rules = defaultPackDefinitions();
const currentSet = compileRuleSet(rules, () => model);
const engines = {
  before: (await engineAt(values.ref!))(values["pack-ref"] === undefined ? rules : await packAt(values["pack-ref"]), model),
  after: (context: CommentContext) => evaluateComment(currentSet, context),
};
const best = { before: Infinity, after: Infinity };
for (let pass = 0; pass < Number(values.passes); pass++) {
  for (const name of ["before", "after"] as const) {
    const started = process.cpuUsage();
    for (const context of contexts) engines[name](context);
    const used = process.cpuUsage(started);
    best[name] = Math.min(best[name], (used.user + used.system) / count);
  }
}
console.log(`rules CPU s per 1M comments (best of ${values.passes} passes over ${count}): engine of ${values.ref}${values["pack-ref"] === undefined ? "" : ` with the pack of ${values["pack-ref"]}`} ${best.before.toFixed(2)}, this checkout ${best.after.toFixed(2)} (${(best.after / best.before).toFixed(2)}x)`);
