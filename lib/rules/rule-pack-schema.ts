import { z } from "zod";
import { ruleDraftSchema } from "./rule-draft-schema";

// A rule pack as `moddesk rules export` writes it and `rules import` reads it: the rules'
// definitions by name, never ids or versions (those belong to one installation).

export const RULE_PACK_FORMAT = 1;

export const rulePackSchema = z.object({
  moddeskRulePack: z.literal(RULE_PACK_FORMAT, `not a Moddesk rule pack (expected "moddeskRulePack": ${RULE_PACK_FORMAT})`),
  exportedAt: z.string().optional(),
  rules: z.array(ruleDraftSchema).max(1_000, "at most 1,000 rules per pack"),
}).superRefine((pack, ctx) => {
  const seen = new Set<string>();
  pack.rules.forEach((rule, index) => {
    if (seen.has(rule.name)) ctx.addIssue({ code: "custom", path: ["rules", index, "name"], message: `the name '${rule.name}' appears twice` });
    seen.add(rule.name);
  });
});

export type RulePack = z.output<typeof rulePackSchema>;

/** Parses a pack file's text; the error lists each problem with where it is ("rules[3].config: ..."). */
export function parseRulePack(text: string): { ok: true; pack: RulePack } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = rulePackSchema.safeParse(json);
  if (result.success) return { ok: true, pack: result.data };
  const lines = result.error.issues.map((issue) => {
    const where = issue.path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join("");
    return where === "" ? issue.message : `${where}: ${issue.message}`;
  });
  return { ok: false, message: lines.join("\n") };
}
