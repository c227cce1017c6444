import type { RuleDefinition, Span } from "./types";
import type { RuleConfigByKind } from "./schemas";
import { compileLinearRegex } from "./regex-safety";
import { CompactDfa } from "./compact-dfa";
import { LeftmostMatches } from "./leftmost-match";
import { mergeSpans, quote, type CompiledRule, type SlotAllocator } from "./compiled-rule";
import { crossesSentenceBoundary } from "./sentence-boundary";
import { isExceptedAfter, isExceptedBefore } from "./unless-before";
import { originalSpanOf } from "./visible-text";
import type { CommentAnalysis } from "./comment-analysis";

const MAX_SPANS = 50;
/**
 * A gated pattern on normalized text reads only these many words before and after each gate word:
 * every match contains one, and the patterns a pack needs span a dozen words at most, most of them
 * before the gate word (the subject). RE2's fast engine only takes short inputs, so short windows
 * matter more than the number of them.
 */
const GATE_WORDS_BEFORE = 12;
const GATE_WORDS_AFTER = 6;
const GATE_WINDOW_CHARS = 100;

/**
 * REGEX, compiled with RE2 so no pattern can backtrack exponentially on a hostile comment.
 * Target 'normalized' (the default) runs on the normalized text, so a pattern written as
 * 'terrorist state' also catches 'T3RR0RIST   state' and spans are mapped back to the original;
 * target 'original' is for patterns about the raw form (capitals, punctuation, emoji).
 * Normalized text has no punctuation left, so a match there that spans a sentence end in the
 * original is dropped. `unlessBefore` drops a match when the same sentence, just before it,
 * matches that pattern too: negation and reported speech ('not all …', 'wrong to say …');
 * `unlessAfter` when the words just after it do: what befalls a group ('sick of X being blamed').
 * `requires` (terms, matched like TERMS in the shared automaton) gates the rule: the pattern only
 * runs on comments where one of them occurs, so a pack of long patterns adds no pass over the
 * text of the many comments that cannot match. It must name a word every match contains.
 */
export function compileRegexRule(definition: RuleDefinition, config: RuleConfigByKind["REGEX"], slots: SlotAllocator): CompiledRule {
  const caseInsensitive = config.flags === "i";
  const compiled = compileLinearRegex(config.pattern, caseInsensitive);
  if (typeof compiled === "string") throw new Error(compiled);
  const unless = config.unlessBefore === undefined ? null : compileLinearRegex(config.unlessBefore, caseInsensitive);
  if (typeof unless === "string") throw new Error(`unlessBefore: ${unless}`);
  const unlessAfter = config.unlessAfter === undefined ? null : compileLinearRegex(config.unlessAfter, caseInsensitive);
  if (typeof unlessAfter === "string") throw new Error(`unlessAfter: ${unlessAfter}`);
  const onNormalized = (config.target ?? "normalized") === "normalized";
  const gate = config.requires === undefined ? null : slots.addTerms(config.requires);
  const dfa = new CompactDfa(compiled);
  const matches = new LeftmostMatches(compiled, config.pattern, caseInsensitive);
  return {
    definition,
    termDriven: gate !== null,
    evaluate(analysis) {
      if (gate !== null && !analysis.hasHits(gate)) return null;
      const length = onNormalized ? analysis.normalized.length : analysis.body.length;
      let windowCount = 1;
      if (gate === null) {
        windowFrom[0] = 0;
        windowTo[0] = length;
      } else windowCount = gateWindows(analysis, gate, onNormalized, length);
      const spans: Span[] = [];
      // On the original text, invisible characters inside a word ('कु\u200Dत्ते') are read past.
      const visible = onNormalized ? null : analysis.visibleBody();
      for (let w = 0; w < windowCount; w++) {
        const from = windowFrom[w]!;
        const to = windowTo[w]!;
        // Windows of normalized text are built from the normalizer's buffer: no whole-comment string.
        // A window inside the text gets a '~' word at a cut edge, so '^' and '$' still mean the
        // comment's start and end ('~' never survives normalization).
        const before = from > 0 ? "~ " : "";
        const after = to < length ? " ~" : "";
        let text: string;
        // RE2's DFA (compact-dfa.ts) says whether the window matches; finding where costs more
        // (leftmost-match.ts), so only on a hit. A gated window of normalized text is read by the
        // DFA straight from the normalizer's buffer: its string is only built for a hit.
        if (onNormalized && gate !== null) {
          if (!dfa.testParts(before, analysis.normalized.codes, from, to, after)) continue;
          text = `${before}${analysis.normalized.textOf(from, to)}${after}`;
        } else {
          const inside = onNormalized ? analysis.normalizedString()
            : visible === null ? analysis.body.slice(from, to) : visible.text.slice(visible.visibleBefore[from], visible.visibleBefore[to]);
          text = `${before}${inside}${after}`;
          if (!dfa.test(text)) continue;
        }
        const visibleFrom = visible === null ? from : visible.visibleBefore[from]!;
        let searchFrom = 0;
        while (spans.length < MAX_SPANS) {
          const match = matches.next(text, searchFrom);
          if (match === null) break;
          searchFrom = nextSearchStart(text, match);
          let start = visibleFrom + match[0] - before.length;
          let end = visibleFrom + match[1] - before.length;
          if (visible !== null) {
            end = Math.min(end, visible.visibleBefore[to]!);
            if (end <= start) continue;
            [start, end] = originalSpanOf(visible, start, end);
          }
          end = Math.min(to, end);
          if (end <= start) continue;
          const span = trimmed(analysis.body, onNormalized ? analysis.originalSpan(start, end) : [start, end]);
          if (span[1] <= span[0]) continue;
          // On the original text the pattern sees punctuation and decides for itself.
          if (onNormalized && crossesSentenceBoundary(analysis.body, span[0], span[1])) continue;
          if (unless !== null && isExceptedBefore(unless, analysis, span[0])) continue;
          if (unlessAfter !== null && isExceptedAfter(unlessAfter, analysis, span[1])) continue;
          spans.push(span);
        }
      }
      if (spans.length === 0) return null;
      const merged = mergeSpans(spans);
      const [from, to] = merged[0]!;
      return {
        score: Math.min(1, 0.7 + 0.1 * (merged.length - 1)),
        spans: merged,
        reason: `Text ${quote(analysis.body.slice(from, to))} matches the pattern of '${definition.name}'.`,
      };
    },
  };
}

/** Where Matcher.find() resumes after a match: its end, one code point on after an empty match. */
function nextSearchStart(text: string, [start, end]: Span): number {
  if (start !== end) return end;
  return end + ((text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1);
}

/** The windows of the rule being evaluated, [windowFrom[w], windowTo[w]): one rule runs at a time. */
let windowFrom = new Int32Array(16);
let windowTo = new Int32Array(16);

/**
 * Ranges of the input (merged when they overlap) around each hit of the gate, into windowFrom /
 * windowTo; returns how many: whole words of the normalized text, or about as many characters of
 * the original.
 */
function gateWindows(analysis: CommentAnalysis, gate: number, onNormalized: boolean, length: number): number {
  const { wordStarts, wordCount } = analysis.normalized;
  const hitCount = analysis.hitRangesByStart(gate);
  const { hitStarts, hitEnds } = analysis;
  if (windowFrom.length < hitCount) {
    windowFrom = new Int32Array(hitCount * 2);
    windowTo = new Int32Array(hitCount * 2);
  }
  let count = 0;
  for (let h = 0; h < hitCount; h++) {
    let from: number;
    let to: number;
    if (onNormalized) {
      const firstWord = Math.max(0, analysis.wordIndexAt(hitStarts[h]!) - GATE_WORDS_BEFORE);
      const lastWord = analysis.wordIndexAt(hitEnds[h]! - 1) + GATE_WORDS_AFTER;
      from = wordStarts[firstWord]!;
      to = lastWord + 1 < wordCount ? wordStarts[lastWord + 1]! - 1 : length;
    } else {
      const { originStart, originEnd } = analysis.normalized;
      from = Math.max(0, originStart[hitStarts[h]!]! - GATE_WINDOW_CHARS);
      to = Math.min(length, originEnd[Math.max(hitStarts[h]!, hitEnds[h]! - 1)]! + GATE_WINDOW_CHARS);
    }
    if (count > 0 && from <= windowTo[count - 1]!) windowTo[count - 1] = Math.max(windowTo[count - 1]!, to);
    else {
      windowFrom[count] = from;
      windowTo[count] = to;
      count++;
    }
  }
  return count;
}

/** The span without whitespace or separators at its edges ('(?:^|[^x])word' consumes the one before). */
function trimmed(body: string, [start, end]: Span): Span {
  let from = start;
  let to = end;
  while (from < to && /[\s.,;:!?"'“”‘’()\-]/u.test(body[from]!)) from++;
  while (to > from && /\s/u.test(body[to - 1]!)) to--;
  return [from, to];
}
