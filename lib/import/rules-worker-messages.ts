import type { CommentContext, FlagResult } from "@/lib/detect/types";

// What crosses to the rules worker and back, packed: structured clone pays per object and per
// property name, and per copy of a string. A chunk's comments share a few articles (every comment
// used to carry its own copy of the article's text across), and most comments come back unflagged.

export interface PackedContexts {
  bodies: string[];
  /** Distinct article texts of the chunk; `articleOf[i]` indexes it, -1 for none. */
  articles: string[];
  articleOf: Int32Array;
  parents: (string | null)[];
  authors: (string | null)[];
}

export interface PackedFlags {
  /** Indexes of the comments that have flags, and those flags, in the same order. */
  flagged: Int32Array;
  flags: FlagResult[][];
}

export function packContexts(contexts: readonly CommentContext[]): PackedContexts {
  const count = contexts.length;
  const bodies = new Array<string>(count);
  const parents = new Array<string | null>(count);
  const authors = new Array<string | null>(count);
  const articleOf = new Int32Array(count);
  const articles: string[] = [];
  const articleIndex = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const context = contexts[i]!;
    bodies[i] = context.body;
    parents[i] = context.parentBody ?? null;
    authors[i] = context.authorName ?? null;
    const article = context.articleText;
    if (article === undefined) {
      articleOf[i] = -1;
      continue;
    }
    let index = articleIndex.get(article);
    if (index === undefined) {
      index = articles.length;
      articles.push(article);
      articleIndex.set(article, index);
    }
    articleOf[i] = index;
  }
  return { bodies, articles, articleOf, parents, authors };
}

/** The contexts as packContexts received them (absent fields stay absent). */
export function unpackContexts(packed: PackedContexts): CommentContext[] {
  const { bodies, articles, articleOf, parents, authors } = packed;
  const contexts = new Array<CommentContext>(bodies.length);
  for (let i = 0; i < bodies.length; i++) {
    const context: CommentContext = { body: bodies[i]! };
    const article = articleOf[i]!;
    if (article >= 0) context.articleText = articles[article]!;
    const parent = parents[i];
    if (parent !== null && parent !== undefined) context.parentBody = parent;
    const author = authors[i];
    if (author !== null && author !== undefined) context.authorName = author;
    contexts[i] = context;
  }
  return contexts;
}

export function packFlags(all: readonly FlagResult[][]): PackedFlags {
  const flagged: number[] = [];
  const flags: FlagResult[][] = [];
  for (let i = 0; i < all.length; i++) {
    if (all[i]!.length === 0) continue;
    flagged.push(i);
    flags.push(all[i]!);
  }
  return { flagged: Int32Array.from(flagged), flags };
}

export function unpackFlags(packed: PackedFlags, count: number): FlagResult[][] {
  const all: FlagResult[][] = Array.from({ length: count }, () => []);
  for (let k = 0; k < packed.flagged.length; k++) all[packed.flagged[k]!] = packed.flags[k]!;
  return all;
}
