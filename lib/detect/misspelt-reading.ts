import type { CommentAnalysis } from "./comment-analysis";
import { normalizeForMatching } from "./normalize";

/**
 * How a hit's words differ from the listed term, for its reason ('idoit' read as 'idiot',
 * misspelt): null when they are the term as listed (leet and homoglyphs folded, letters
 * stretched), so only hits of misspelt-words.ts get a note. Runs only while writing a reason.
 */
export function misspeltNote(analysis: CommentAnalysis, start: number, end: number, term: string): string | null {
  const { wordStarts, wordCount, length } = analysis.normalized;
  const found = squeeze(analysis.normalized.textOf(start, end));
  const prefix = term.endsWith("*");
  const core = prefix ? term.slice(0, -1) : term;
  // Most terms are written as the normalizer spells them: no need to normalize them again.
  const listed = squeeze(/^[a-z ]+$/.test(core) ? core : normalizeForMatching(core).text);
  if (found === listed || (prefix && found.startsWith(listed))) return null;
  // 'idi.ot': pieces the normalizer split at the dot.
  if (found.includes(" ") && !listed.includes(" ")) return "punctuation inside ignored";
  const word = analysis.wordIndexAt(start);
  const wordEnd = word + 1 < wordCount ? wordStarts[word + 1]! - 1 : length;
  if (start > wordStarts[word]! || end < wordEnd || (listed.includes(" ") && !found.includes(" "))) return "words run together";
  return "misspelt";
}

/** The listed term as a reason shows it, with the note when the words were misspelt or joined. */
export function readAs(analysis: CommentAnalysis, start: number, end: number, term: string): string {
  const note = misspeltNote(analysis, start, end, term);
  return note === null ? `read as '${term}'` : `read as '${term}', ${note}`;
}

function squeeze(text: string): string {
  return text.replace(/(.)\1+/g, (run, ch: string) => (ch === " " ? run : ch));
}
