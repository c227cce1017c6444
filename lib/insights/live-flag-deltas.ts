import type { CategoryCounts, RuleCounts } from "./day-summary";

// A live posted day's rule and category figures are its folded row (insights_live_flag_day) plus
// what the comments changed since add and take away (migration insights_live_flags_folded). A rule's
// "fired" and a category's "comments" count distinct comments, so a change's effect depends on the
// comment's other flags: for each changed comment the reader has its counted rows of
// insights_live_flag now and the summed deltas since the fold; its rows at the fold are the rows now
// minus those deltas. The figures move by what the comment counts now less what it counted then.
// Applied here, by the page's read (live-flag-days.ts) and the rollup job's fold alike.

export interface FlagFigures {
  rules: Record<string, RuleCounts>;
  categories: Record<string, CategoryCounts>;
}

/** A counted row of insights_live_flag: one flag of a comment, with the comment's state. */
export interface LiveFlagRow {
  commentId: number;
  ruleId: number;
  category: string;
  status: string;
  byPerson: boolean;
}

/** A changed comment's rows: `count` is the summed signs of the deltas since the fold (+ added, - removed). */
export interface LiveFlagDelta extends LiveFlagRow {
  count: number;
}

const rowKey = (row: LiveFlagRow) => `${row.ruleId}\u0000${row.category}\u0000${row.status}\u0000${row.byPerson}`;

/** What one comment's rows (a multiset: key → how many) count, times `sign`, added into `figures`. */
function addComment(figures: FlagFigures, rows: Map<string, { row: LiveFlagRow; count: number }>, sign: number): void {
  const rules = new Set<string>();
  const categories = new Map<string, number>();
  for (const { row, count } of rows.values()) {
    if (count === 0) continue;
    // One per (rule, status, decider kind), as the query's DISTINCT per comment.
    const ruleKey = `${row.ruleId}\u0000${row.status}\u0000${row.byPerson}`;
    if (!rules.has(ruleKey)) {
      rules.add(ruleKey);
      const counts = (figures.rules[String(row.ruleId)] ??= [0, 0, 0, 0, 0]);
      counts[0] += sign;
      if (row.status === "HIDDEN" && row.byPerson) counts[1] += sign;
      if (row.status === "APPROVED" && row.byPerson) counts[2] += sign;
      if (row.status === "HIDDEN" && !row.byPerson) counts[3] += sign;
      if (row.status === "PENDING") counts[4] += sign;
    }
    categories.set(row.category, (categories.get(row.category) ?? 0) + count);
  }
  for (const [category, flags] of categories) {
    const counts = (figures.categories[category] ??= [0, 0]);
    counts[0] += sign * flags;
    counts[1] += sign;
  }
}

function listOf<T>(lists: Map<number, T[]>, key: number): T[] {
  const list = lists.get(key) ?? [];
  lists.set(key, list);
  return list;
}

function multiset(rows: readonly LiveFlagRow[]): Map<string, { row: LiveFlagRow; count: number }> {
  const result = new Map<string, { row: LiveFlagRow; count: number }>();
  for (const row of rows) {
    const entry = result.get(rowKey(row));
    if (entry) entry.count += 1;
    else result.set(rowKey(row), { row, count: 1 });
  }
  return result;
}

/**
 * The folded figures with the changed comments applied: for each comment of `deltas`, minus what its
 * rows at the fold counted (`now` less `deltas`), plus what its rows `now` count. Entries that fall
 * to zero are dropped, as the day's query has none. Pure; throws when the deltas do not fit (a flag
 * added that the comment does not have, a figure below zero: a write that bypassed the triggers).
 */
export function applyFlagDeltas(folded: FlagFigures, now: readonly LiveFlagRow[], deltas: readonly LiveFlagDelta[]): FlagFigures {
  if (deltas.length === 0) return folded;
  const figures: FlagFigures = {
    rules: Object.fromEntries(Object.entries(folded.rules).map(([key, counts]) => [key, [...counts] as RuleCounts])),
    categories: Object.fromEntries(Object.entries(folded.categories).map(([key, counts]) => [key, [...counts] as CategoryCounts])),
  };
  const changed = new Map<number, LiveFlagDelta[]>();
  for (const delta of deltas) listOf(changed, delta.commentId).push(delta);
  const nowOf = new Map<number, LiveFlagRow[]>();
  for (const row of now) if (changed.has(row.commentId)) listOf(nowOf, row.commentId).push(row);
  for (const [commentId, commentDeltas] of changed) {
    const current = multiset(nowOf.get(commentId) ?? []);
    const atFold = multiset(nowOf.get(commentId) ?? []);
    for (const delta of commentDeltas) {
      const entry = atFold.get(rowKey(delta)) ?? { row: delta, count: 0 };
      entry.count -= delta.count;
      if (entry.count < 0) throw new Error(`Insights' live flags of comment ${commentId}: its changes do not match its flags (a flag added that it does not have)`);
      atFold.set(rowKey(delta), entry);
    }
    addComment(figures, atFold, -1);
    addComment(figures, current, 1);
  }
  for (const [key, counts] of Object.entries(figures.rules)) {
    if (counts.some((value) => value < 0)) throw new Error(`Insights' live flag figures of rule ${key} went below zero: a change was applied twice`);
    if (counts.every((value) => value === 0)) delete figures.rules[key];
  }
  for (const [key, counts] of Object.entries(figures.categories)) {
    if (counts.some((value) => value < 0)) throw new Error(`Insights' live flag figures of category ${key} went below zero: a change was applied twice`);
    if (counts.every((value) => value === 0)) delete figures.categories[key];
  }
  return figures;
}
