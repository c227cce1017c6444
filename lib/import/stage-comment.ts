import type { CommentContext, FlagResult } from "@/lib/detect/types";
import { flagOutcome } from "@/lib/detect/flag-outcome";
import { commentContentHash } from "./content-hash";
import { RecentBodies } from "./recent-bodies";
import type { ParsedComment } from "./types";
import type { StagedComment } from "./write-comment-chunk";

/**
 * The rules' view of a comment: its text, its article's text and, when the parent came shortly
 * before in the same import, the parent's text (for off-topic replies; recent-bodies.ts).
 */
export class RuleContexts {
  private readonly recentBodies = new RecentBodies();

  contextFor(staged: StagedComment, articleText: string): CommentContext {
    const parentBody = staged.parentDedupeKey === null ? undefined : this.recentBodies.get(staged.parentDedupeKey);
    this.recentBodies.remember(staged.dedupeKey, staged.body);
    const context: CommentContext = parentBody === undefined ? { body: staged.body, articleText } : { body: staged.body, articleText, parentBody };
    // Watch-list (AUTHOR) rules match on who wrote it.
    if (staged.authorName !== null) context.authorName = staged.authorName;
    return context;
  }
}

/** A parsed comment as the row it becomes, before the rules have looked at it. */
export function stageComment(comment: ParsedComment, articleKey: string): StagedComment {
  const status = comment.statusHint ?? "PENDING";
  return {
    articleKey,
    source: comment.source,
    externalId: comment.externalId ?? null,
    dedupeKey: `${comment.source}:${comment.key}`,
    legacyDedupeKey: comment.legacyKey ? `${comment.source}:${comment.legacyKey}` : null,
    // A key built from the content already is the content hash: hashing it twice is wasted time.
    contentHash: comment.key.startsWith("hash:")
      ? comment.key.slice(5)
      : commentContentHash({ articleKey: comment.articleKey, authorName: comment.authorName, postedAt: comment.postedAt, body: comment.body }),
    parentDedupeKey: comment.parentKey ? `${comment.source}:${comment.parentKey}` : null,
    authorName: comment.authorName ?? null,
    authorExternalId: comment.authorExternalId ?? null,
    body: comment.body,
    postedAt: comment.postedAt,
    status,
    priority: 0,
    isHeld: false,
    flags: [],
    autoHide: false,
    line: comment.line,
  };
}

/** Applies what the rules found: priority, held mark, flags, and auto-hide for comments still pending. */
export function applyFlags(staged: StagedComment, flags: FlagResult[]): void {
  if (flags.length === 0) return;
  const outcome = flagOutcome(flags);
  staged.flags = flags;
  staged.priority = outcome.priority;
  staged.isHeld = outcome.isHeld;
  staged.autoHide = outcome.autoHide && staged.status === "PENDING";
}
