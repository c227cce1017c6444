import type { CommentAnalysis } from "./comment-analysis";
import { normalizeForMatching } from "./normalize";
import { MASK_CHARS } from "./misspelt-forms";
import type { TermHit } from "./term-matcher";

/**
 * How a hit's words differ from the listed term, for its reason ('idoit' read as 'idiot',
 * misspelt): null when they are the term as listed (leet and homoglyphs folded, letters
 * stretched), so only hits of misspelt-words.ts get a note. Runs only while writing a reason.
 */
export function misspeltNote(analysis: CommentAnalysis, start: number, end: number, term: string): string | null {
  const text = analysis.normalized.textOf(start, end);
  const found = squeeze(text);
  const prefix = term.endsWith("*");
  const core = prefix ? term.slice(0, -1) : term;
  // Most terms are written as the normalizer spells them: no need to normalize them again.
  const listedText = /^[a-z ]+$/.test(core) ? core : normalizeForMatching(core).text;
  const listed = squeeze(listedText);
  if (found === listed || (prefix && found.startsWith(listed))) return null;
  if (found.includes(" ") && !listed.includes(" ")) {
    // 'id*ot': two pieces that are the listed word with one letter between them hidden.
    const pieces = text.split(" ");
    const [before, after] = pieces;
    if (pieces.length === 2 && listedText.length === before!.length + 1 + after!.length
      && listedText.startsWith(before!) && listedText.endsWith(after!)) {
      const mask = [...analysis.originalText(start, end)].find((ch) => MASK_CHARS.includes(ch));
      if (mask !== undefined) return `'${mask}' read as a hidden letter`;
    }
    // 'idi.ot': pieces the normalizer split at the dot.
    return "punctuation inside ignored";
  }
  return "misspelt";
}

/** How a misread hit was read, for its reason: "read as 'idiot', misspelt". */
export function misreadAs(analysis: CommentAnalysis, hit: TermHit): string {
  const note = misspeltNote(analysis, hit.start, hit.end, hit.term);
  return note === null ? `read as '${hit.term}'` : `read as '${hit.term}', ${note}`;
}

function squeeze(text: string): string {
  return text.replace(/(.)\1+/g, (run, ch: string) => (ch === " " ? run : ch));
}
