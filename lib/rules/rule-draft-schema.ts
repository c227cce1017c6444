import { z } from "zod";
import { parseRuleConfig } from "@/lib/detect/schemas";
import { RULE_ACTIONS, RULE_CATEGORIES, RULE_KINDS } from "@/lib/detect/types";

// A rule as an admin writes it, checked the same way in the browser (form, test bench) and on the
// server (actions, `rules import`). Pure: the client bundle imports it.

const draftFields = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the rule a name")
    .max(80, "Names are limited to 80 characters")
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, "Use letters, digits, spaces, dots, dashes and underscores"),
  description: z.string().trim().max(500, "Descriptions are limited to 500 characters").default(""),
  category: z.enum(RULE_CATEGORIES, "Choose a category"),
  kind: z.enum(RULE_KINDS, "Choose a kind"),
  config: z.unknown(),
  severity: z.number("Severity is a number from 1 to 5").int("Severity is a whole number").min(1, "Severity is 1 to 5").max(5, "Severity is 1 to 5"),
  action: z.enum(RULE_ACTIONS, "Choose an action"),
  enabled: z.boolean().default(true),
});

/** The draft, with its config validated for its kind and normalized (trimmed terms...). */
export const ruleDraftSchema = draftFields.transform((draft, ctx) => {
  const parsed = parseRuleConfig(draft.kind, draft.config);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", path: ["config"], message: parsed.message });
    return z.NEVER;
  }
  return { ...draft, config: parsed.config as unknown };
});

export type RuleDraftInput = z.input<typeof ruleDraftSchema>;
export type RuleDraft = z.output<typeof ruleDraftSchema>;
