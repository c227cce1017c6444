import "server-only";
import { createReadStream, existsSync, statSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseImport } from "@/lib/import/parse-import";
import type { ImportFormat, ParseProblem } from "@/lib/import/types";
import { compileRules } from "@/lib/detect/compile-rules";
import { defaultRulePack } from "./default-pack";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { loadRuleEvaluator } from "./load-rule-evaluator";
import type { CommentContext, FlagResult, Span } from "@/lib/detect/types";
import { openImportInput } from "@/lib/import/open-import-input";
import { RecentBodies } from "@/lib/import/recent-bodies";

export interface FlaggedComment {
  index: number;
  externalId: string | null;
  author: string | null;
  flags: { category: string; rule: string; score: number; spans: Span[] }[];
}

export type FlagFileEvent = { type: "comment"; comment: FlaggedComment } | { type: "problem"; problem: ParseProblem };

/** The database's enabled rules; the default pack when the database has no rules at all yet. */
export async function loadFlaggingRules(): Promise<{ evaluate: (context: CommentContext) => FlagResult[]; source: "database" | "default pack" }> {
  if ((await db.rule.count()) > 0) return { evaluate: await loadRuleEvaluator(), source: "database" };
  const set = compileRules(defaultRulePack().map((rule) => ({ ...rule, id: rule.name, version: 1 })));
  return { evaluate: (context) => evaluateComment(set, context), source: "default pack" };
}

/** Parses a file in any import format and flags each comment, storing nothing. */
export async function* flagFile(request: { filePath: string; format?: ImportFormat; evaluate: (context: CommentContext) => FlagResult[] }): AsyncGenerator<FlagFileEvent> {
  if (!existsSync(request.filePath) || !statSync(request.filePath).isFile()) throw new AppError("NOT_FOUND", `${request.filePath}: no such file`);
  const fileName = path.basename(request.filePath);
  const { format, input: source } = await openImportInput(createReadStream(request.filePath), fileName, request.format);
  const articles = new Map<string, string>();
  const recentBodies = new RecentBodies();
  for await (const event of parseImport(format, source, { fileName })) {
    if (event.type === "problem") yield { type: "problem", problem: event.problem };
    else if (event.type === "article") articles.set(event.article.key, `${event.article.title}\n${event.article.body ?? ""}`);
    else if (event.type === "comment") {
      const { comment } = event;
      const parentBody = comment.parentKey ? recentBodies.get(comment.parentKey) : undefined;
      recentBodies.remember(comment.key, comment.body);
      const flags = request.evaluate({ body: comment.body, articleText: articles.get(comment.articleKey), parentBody });
      yield {
        type: "comment",
        comment: {
          index: comment.index,
          externalId: comment.externalId ?? null,
          author: comment.authorName ?? null,
          flags: flags.map((flag) => ({ category: flag.category, rule: flag.ruleName, score: flag.score, spans: flag.spans })),
        },
      };
    }
  }
}
