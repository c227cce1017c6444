import type { CommentContext, Span } from "./types";
import type { TextNormalizer } from "./normalizer-core";
import { hitsOf, type HitList, type TermHit, type TermMatcher } from "./term-matcher";
import { HashedFeatures } from "./classifier/hash-features";
import type { LinearModel } from "./classifier/linear-model";
import { scoreNormalized } from "./classifier/score-comment";
import { visibleText, type VisibleText } from "./visible-text";

// Shared like the normalizer's buffers: one comment is analysed at a time.
const sharedFeatures = new HashedFeatures();

/**
 * Everything rules may read about one comment, computed once. Valid only during the
 * evaluateComment call that began it: one instance and the normalizer's buffers serve every
 * comment in turn (no per-comment allocation of its typed arrays).
 */
export class CommentAnalysis {
  context: CommentContext = { body: "" };
  private matcher: TermMatcher | null = null;
  private normalizedText: string | null = null;
  /** undefined: not computed yet for this comment; null: the body has no invisible character. */
  private visible: VisibleText | null | undefined = undefined;
  private featuresFor: LinearModel | null = null;
  private featuresWindow = -1;
  private scoredFor: LinearModel | null = null;
  private readonly logits = new Float64Array(4);
  private readonly bestWindowStart = new Int32Array(4);
  hitStarts = new Int32Array(16);
  hitEnds = new Int32Array(16);

  constructor(
    readonly normalized: TextNormalizer,
    private readonly hits: HitList,
  ) {}

  /** Starts the analysis of the comment the normalizer and the hit list were just run on. */
  begin(context: CommentContext, matcher: TermMatcher): this {
    this.context = context;
    this.matcher = matcher;
    this.normalizedText = null;
    this.visible = undefined;
    this.featuresFor = null;
    this.featuresWindow = -1;
    this.scoredFor = null;
    return this;
  }

  get body(): string {
    return this.context.body;
  }

  /** The body without invisible format characters, or null when it has none (visible-text.ts). */
  visibleBody(): VisibleText | null {
    if (this.visible === undefined) this.visible = visibleText(this.body);
    return this.visible;
  }

  /** Whether the slot was hit, without building its hits. */
  hasHits(slot: number): boolean {
    const { slot: slots, count } = this.hits;
    for (let h = 0; h < count; h++) if (slots[h] === slot) return true;
    return false;
  }

  /**
   * The [start, end) of the slot's hits, ordered by start (hits come in order of their end), into
   * `hitStarts` / `hitEnds`; returns how many. Valid until the next call. No objects: the windows
   * of a gated REGEX were most of a comment's garbage, and most such windows do not match.
   */
  hitRangesByStart(slot: number): number {
    const { slot: slots, start, end, count } = this.hits;
    if (this.hitStarts.length < count) {
      this.hitStarts = new Int32Array(count * 2);
      this.hitEnds = new Int32Array(count * 2);
    }
    const starts = this.hitStarts;
    const ends = this.hitEnds;
    let found = 0;
    for (let h = 0; h < count; h++) {
      if (slots[h] !== slot) continue;
      // Insertion sort, stable: a slot has a handful of hits.
      let at = found++;
      while (at > 0 && starts[at - 1]! > start[h]!) { starts[at] = starts[at - 1]!; ends[at] = ends[at - 1]!; at--; }
      starts[at] = start[h]!;
      ends[at] = end[h]!;
    }
    return found;
  }

  hitsFor(slot: number): readonly TermHit[] {
    // Built on demand: only the rules whose slots were hit ask, so clean comments allocate nothing.
    return hitsOf(this.matcher!, this.hits, slot);
  }

  /** Index of the word containing normalized position `at`. */
  wordIndexAt(at: number): number {
    const { wordStarts, wordCount } = this.normalized;
    let low = 0;
    let high = wordCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (wordStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Original-text span of normalized [start, end). */
  originalSpan(start: number, end: number): Span {
    const { originStart, originEnd } = this.normalized;
    return [originStart[start]!, originEnd[Math.max(start, end - 1)]!];
  }

  originalText(start: number, end: number): string {
    const [from, to] = this.originalSpan(start, end);
    return this.body.slice(from, to);
  }

  /** The classifier's hashed features of the window that gave head `index` its score (for explaining a flag). */
  hashedFeatures(model: LinearModel, index: number): HashedFeatures {
    this.headLogit(model, index);
    const from = this.bestWindowStart[index]!;
    if (this.featuresFor !== model || this.featuresWindow !== from) {
      sharedFeatures.extract(this.normalized, model.features, from);
      this.featuresFor = model;
      this.featuresWindow = from;
    }
    return sharedFeatures;
  }

  /** The model's logit for head `index`; every head is scored in the first call's single pass. */
  headLogit(model: LinearModel, index: number): number {
    if (this.scoredFor !== model) {
      scoreNormalized(this.normalized, model, this.logits, this.bestWindowStart);
      this.scoredFor = model;
    }
    return this.logits[index]!;
  }

  normalizedString(): string {
    this.normalizedText ??= this.normalized.textOf();
    return this.normalizedText;
  }

  /** Span of the whole comment without surrounding whitespace. */
  wholeSpan(): Span {
    const body = this.body;
    const start = body.length - body.trimStart().length;
    return [start, Math.max(start, body.trimEnd().length)];
  }
}
