/**
 * A flag's way to its rule: the rule's page with the flagged comment on its test bench, so "why
 * did this fire?" is answered by the rule's own words highlighted in the comment, and an edit shows
 * at once whether the rule would still flag it. The rule used to be a name on the card, to be found
 * in a table of 40 on the Rules page, and the comment pasted by hand.
 */
export function ruleBenchHref(ruleId: number, commentId: number): string {
  return `/rules/${ruleId}/edit?comment=${commentId}`;
}

/** Where saving a rule lands: its new version's page, the bench's comment kept. */
export function savedRuleHref(ruleId: number, version: number, benchCommentId?: number): string {
  return `/rules/${ruleId}/edit?saved=${version}${benchCommentId === undefined ? "" : `&comment=${benchCommentId}`}`;
}
