import { RULE_CATEGORIES, type RuleCategory } from "./types";

// RULE_CATEGORIES is the enum's declaration order, the order the migration's backfill
// (array_agg ... ORDER BY category) writes: equal sets are equal arrays, so a re-run only rewrites
// comments whose set changed.

/**
 * A comment's flag categories as the Postgres array literal of comment."flagCategories" (for COPY
 * and `$n::"RuleCategory"[]`): distinct, in enum order. Enum names need no quoting.
 */
export function flagCategoriesLiteral(flags: readonly { category: RuleCategory }[]): string {
  if (flags.length === 0) return "{}";
  return `{${RULE_CATEGORIES.filter((category) => flags.some((flag) => flag.category === category)).join(",")}}`;
}
