import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { compileRuleSet } from "@/lib/detect/compile-rule-set";
import type { evaluateComment } from "@/lib/detect/evaluate-comment";
import type { LinearModel } from "@/lib/detect/classifier/linear-model";
import type { CommentContext, FlagResult, RuleDefinition } from "@/lib/detect/types";
import { projectRoot } from "@/lib/env";

/** The engine as of the commit the December speed work started from. */
export const DEFAULT_ENGINE_REF = "cf6843c";

export type EngineAt = (rules: readonly RuleDefinition[], model: LinearModel) => (context: CommentContext) => FlagResult[];

/**
 * The rules engine (lib/detect) of an earlier commit, unpacked under .scratch (inside the project,
 * so re2js and zod resolve) and imported beside this checkout's: for old-against-new comparisons.
 */
export async function engineAt(ref: string): Promise<EngineAt> {
  const dir = unpackedAt(ref, "lib/detect");
  const compile = await import(pathToFileURL(path.join(dir, "lib/detect/compile-rule-set.ts")).href) as { compileRuleSet: typeof compileRuleSet };
  const evaluate = await import(pathToFileURL(path.join(dir, "lib/detect/evaluate-comment.ts")).href) as { evaluateComment: typeof evaluateComment };
  return (rules, model) => {
    const set = compile.compileRuleSet(rules, () => model);
    return (context) => evaluate.evaluateComment(set, context);
  };
}

/** The default pack of an earlier commit (its lib/rules, unpacked beside this checkout), as definitions. */
export async function packAt(ref: string): Promise<RuleDefinition[]> {
  const dir = unpackedAt(ref, "lib/rules");
  const pack = await import(pathToFileURL(path.join(dir, "lib/rules/default-pack.ts")).href) as { defaultRulePack: () => Omit<RuleDefinition, "id" | "version">[] };
  return pack.defaultRulePack().map((rule) => ({ ...rule, id: rule.name, version: 1 }));
}

function unpackedAt(ref: string, folder: string): string {
  const sha = execFileSync("git", ["rev-parse", "--short=12", ref], { cwd: projectRoot, encoding: "utf8" }).trim();
  const name = folder === "lib/detect" ? `engine-${sha}` : `${folder.replace(/\//g, "-")}-${sha}`;
  const dir = path.join(projectRoot, ".scratch", name);
  if (!existsSync(path.join(dir, folder))) {
    mkdirSync(dir, { recursive: true });
    execFileSync("sh", ["-c", `git archive ${sha} ${folder} | tar -x -C '${dir}'`], { cwd: projectRoot });
  }
  return dir;
}
