/**
 * A lexeme in more than this share of comments filters almost nothing, yet the GIN index reads its
 * whole posting list (a word in 99.9% of a million comments: 18 ms of a 23 ms search). Only rarer
 * terms go to the index; every term is still tested on each candidate row.
 */
export const COMMON_LEXEME_SHARE = 0.3;

/**
 * The top-level AND operands of a tsquery's text (`'a' & 'b' <-> 'c' & !'d'`), or null when it is
 * not a conjunction at top level (an OR, or text this splitter does not follow).
 */
export function conjunctsOf(tsquery: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < tsquery.length; i++) {
    const char = tsquery[i];
    if (quoted) {
      // A quote inside a lexeme is doubled.
      if (char === "'" && tsquery[i + 1] === "'") i++;
      else if (char === "'") quoted = false;
    } else if (char === "'") quoted = true;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (depth === 0 && char === "|") return null;
    else if (depth === 0 && char === "&") {
      parts.push(tsquery.slice(start, i).trim());
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (quoted || depth !== 0) return null;
  parts.push(tsquery.slice(start).trim());
  return parts.every((part) => part.length > 0) ? parts : null;
}

/** The lexeme of an operand that is exactly one quoted lexeme, without weights or prefix marks. */
function lexemeOf(operand: string): string | null {
  const match = /^'((?:[^']|'')*)'$/.exec(operand);
  return match ? match[1]!.replaceAll("''", "'") : null;
}

export interface SearchCandidates {
  /**
   * "whole": every term is selective, or the query cannot be split: the index serves it all.
   * "some": the index serves `tsquery`, the rarer terms; the rest is tested on each candidate.
   * "none": every positive term is common, the index would return most of the table.
   * "empty": a term both required and excluded at top level: nothing can match.
   */
  kind: "whole" | "some" | "none" | "empty";
  tsquery?: string;
  /** The expected share of comments matching, if every term is in the statistics (as if independent); else 0. */
  density: number;
}

/**
 * What reading one candidate row costs (heap page, tuple, ts_match_vq), in index postings decoded:
 * about 4 µs against 15 ns at 10M (EXPLAIN ANALYZE, docs/scaling.md "At 10M, December 6 evening").
 */
export const ROW_COST_IN_POSTINGS = 250;

/**
 * At most this many postings of a term are decoded per candidate: GIN skips through the postings
 * of a term that does not choose the candidates (an "additional" entry) one compressed segment
 * (256 bytes, ~150 postings of a common word) at a time.
 */
export const SEGMENT_POSTINGS = 150;

/**
 * Which terms of a search (the text of websearch_to_tsquery, and the category lexeme) the GIN
 * index should serve, given each lexeme's share of comments (pg_stats' most common elements;
 * a lexeme missing from them is rarer than all of them). The selective positive terms choose the
 * candidates. Each other term (a common word, an exclusion) goes to the index too when the rows it
 * removes there cost more to read than its postings around the candidates cost to decode: "-privacy"
 * (78% of comments) removes most candidates for little decoding; "government" (99.7%) removes
 * almost none and is tested on each row instead. Operands other than a single lexeme (phrases,
 * groups) count as selective: a phrase is at most as common as its rarest word.
 */
export function searchCandidates(words: string | null, category: string | null, share: (lexeme: string) => number | undefined): SearchCandidates {
  const operands = words === null ? [] : conjunctsOf(words);
  if (operands === null || (words !== null && operands.length === 0)) return { kind: "whole", density: 0 };
  // A repeated term ('a b a') filters once.
  const all = [...new Set(category ? [...operands, `'${category.replaceAll("'", "''")}'`] : operands)];
  const positive = all.filter((operand) => !operand.startsWith("!"));
  const negated = new Set(all.filter((operand) => operand.startsWith("!")).map((operand) => operand.slice(1).trim()));
  if (positive.some((operand) => negated.has(operand))) return { kind: "empty", density: 0 };
  if (positive.length === 0) return { kind: "whole", density: 0 };
  const shareOf = (operand: string) => {
    const lexeme = lexemeOf(operand);
    return lexeme === null ? undefined : share(lexeme);
  };
  let density = 1;
  for (const operand of positive) density *= shareOf(operand) ?? 0;
  for (const operand of negated) density *= 1 - (shareOf(operand) ?? 0);
  const selective = positive.filter((operand) => (shareOf(operand) ?? 0) <= COMMON_LEXEME_SHARE);
  if (selective.length === 0) return { kind: "none", density };
  // The candidates' share of comments, the selective terms taken as independent (unlisted: 0).
  const candidateShare = selective.reduce((product, operand) => product * (shareOf(operand) ?? 0), 1);
  const pays = (termShare: number, removedShare: number) => removedShare * ROW_COST_IN_POSTINGS > Math.min(termShare / candidateShare, SEGMENT_POSTINGS);
  const indexed = all.filter((operand) => {
    if (selective.includes(operand)) return true;
    const isNegated = operand.startsWith("!");
    const termShare = shareOf(isNegated ? operand.slice(1).trim() : operand) ?? 0;
    return pays(termShare, isNegated ? termShare : 1 - termShare);
  });
  if (indexed.length === all.length) return { kind: "whole", density };
  return { kind: "some", tsquery: indexed.join(" & "), density };
}
