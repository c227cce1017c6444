/**
 * After a decision on the queue's page: whether nothing is left to decide below the comments just
 * decided (the page is finished as far as the moderator's order goes), and how many still wait
 * above (skipped on the way down). At the end of a page of 50 the focus used to stay on the last
 * card, decided, with **Next page** a scroll (or a dozen Tabs) away: on a phone, between every 50
 * comments. Same inputs as focusAfterDecision (statuses as they were, the decided indexes).
 */
export interface PageEnd {
  isEnd: boolean;
  /** Comments still in `previousStatus` above the decided ones (0 when the moderator skipped none). */
  leftAbove: number;
}

export function pageEndAfterDecision(statuses: readonly string[], decided: readonly number[], previousStatus: string): PageEnd {
  if (statuses.length === 0 || decided.length === 0) return { isEnd: false, leftAbove: 0 };
  const last = Math.max(...decided);
  const isStillToDecide = (index: number) => statuses[index] === previousStatus && !decided.includes(index);
  for (let index = last + 1; index < statuses.length; index++) {
    if (isStillToDecide(index)) return { isEnd: false, leftAbove: 0 };
  }
  let leftAbove = 0;
  for (let index = 0; index < last; index++) if (isStillToDecide(index)) leftAbove++;
  return { isEnd: true, leftAbove };
}

/** What the end of the page says once it is reached, beside Next page (focused) when there is one. */
export function describePageEnd(end: PageEnd, hasNextPage: boolean): string {
  const left = end.leftAbove === 0 ? "Nothing left to decide on this page." : `Nothing left to decide below; ${end.leftAbove === 1 ? "1 comment" : `${end.leftAbove.toLocaleString("en-US")} comments`} above still to decide.`;
  return hasNextPage ? left : `${left} That was the last page of this tab.`;
}
