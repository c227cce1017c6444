"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { commentContextAction } from "@/lib/moderation/actions";
import { authorHref } from "@/lib/moderation/author-href";
import type { CommentContext, ContextComment } from "@/lib/moderation/get-comment-context";
import { reasonLabel } from "@/lib/moderation/policy";
import { formatInZone } from "@/lib/time-zone";

const STATUS_STYLE = { PENDING: "bg-slate-100 text-slate-700", APPROVED: "bg-emerald-100 text-emerald-800", HIDDEN: "bg-rose-100 text-rose-800" } as const;
const EXCERPT = 280;

/** Only web links leave Moddesk: an article URL is imported data, and `javascript:` is a URL too. */
function webUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function ContextLine({ comment, timeZone, showArticle, isWhole = false }: { comment: ContextComment; timeZone: string; showArticle: boolean; isWhole?: boolean }) {
  const body = !isWhole && comment.body.length > EXCERPT ? `${comment.body.slice(0, EXCERPT)}…` : comment.body;
  return (
    <li className="border-l-2 border-slate-200 pl-2" data-testid="context-author-comment">
      <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500">
        <span className={`rounded px-1.5 font-semibold ${STATUS_STYLE[comment.status]}`}>
          {comment.status.toLowerCase()}
          {comment.hiddenReason ? ` (${reasonLabel(comment.hiddenReason)})` : ""}
        </span>
        <time dateTime={comment.postedAt}>{formatInZone(new Date(comment.postedAt), timeZone)}</time>
        {showArticle ? <span className="min-w-0 truncate">on {comment.articleTitle}</span> : null}
        <Link href={`/comments/${comment.id}`} className="text-sky-700 hover:underline max-md:py-3.5">
          open
        </Link>
      </div>
      <p className="comment-text text-sm text-slate-800">{body}</p>
    </li>
  );
}

/**
 * The card's Context, opened in place (the Context button or `c`): the whole parent comment, the
 * article and its page on the site, and the author's latest other comments with how each was
 * decided. The moderator keeps their place in the queue; nothing loads until it is opened.
 */
export function ContextPanel({ commentId, articleId, authorName, timeZone }: { commentId: number; articleId: number; authorName: string | null; timeZone: string }) {
  const [context, setContext] = useState<CommentContext | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    commentContextAction({ commentId })
      .then((result) => {
        if (!isCurrent) return;
        if (result.ok) setContext(result.data);
        else setProblem(result.message);
      })
      .catch(() => isCurrent && setProblem("Moddesk could not be reached. Check the connection and try again."));
    return () => {
      isCurrent = false;
    };
  }, [commentId, attempt]);

  if (problem) {
    return (
      <div role="alert" className="mt-3 flex flex-wrap items-center gap-2 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900" data-testid="context-panel">
        {problem}
        <button
          type="button"
          onClick={() => {
            setProblem(null);
            setAttempt((count) => count + 1);
          }}
          className="rounded-md border border-rose-300 bg-white px-2 py-1 hover:bg-rose-100"
        >
          Try again
        </button>
      </div>
    );
  }
  if (!context) {
    return (
      <p className="mt-3 text-sm text-slate-500" data-testid="context-panel" aria-busy="true">
        Loading the context…
      </p>
    );
  }
  const siteUrl = webUrl(context.article.url);
  return (
    <section className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" aria-label="Context" data-testid="context-panel">
      <p>
        <span className="text-slate-500">Article: </span>
        {/* The thread opens around this comment, not at its first of thousands. */}
        <Link href={`/articles/${articleId}?comment=${commentId}`} className="font-medium text-sky-700 hover:underline max-md:py-3" data-testid="context-thread-link">
          {context.article.title}
        </Link>
        {siteUrl ? (
          <>
            {" · "}
            <a href={siteUrl} target="_blank" rel="noopener noreferrer" className="text-sky-700 hover:underline max-md:py-3">
              on the site ↗
            </a>
          </>
        ) : null}
      </p>
      {context.parent ? (
        <div data-testid="context-parent">
          <h3 className="text-xs font-semibold text-slate-600 uppercase">In reply to {context.parent.authorName ?? "a comment without a name"}</h3>
          <ul className="mt-1">
            <ContextLine comment={context.parent} timeZone={timeZone} showArticle={false} isWhole />
          </ul>
        </div>
      ) : null}
      <div>
        <h3 className="text-xs font-semibold text-slate-600 uppercase">
          {authorName === null
            ? "Posted without a name: no history to show"
            : context.authorRecent.length === 0
              ? `${authorName}'s other comments: none, this is the first`
              : `${authorName}'s latest other comments (${context.authorTotal - 1} in all)`}
        </h3>
        {context.authorRecent.length > 0 ? (
          <ul className="mt-1 space-y-2">
            {context.authorRecent.map((comment) => (
              <ContextLine key={comment.id} comment={comment} timeZone={timeZone} showArticle={comment.articleTitle !== context.article.title} />
            ))}
          </ul>
        ) : null}
        {authorName && context.authorTotal - 1 > context.authorRecent.length ? (
          <Link href={authorHref(authorName)} className="mt-1 inline-block text-sky-700 hover:underline max-md:py-3">
            All on the author&rsquo;s page
          </Link>
        ) : null}
      </div>
    </section>
  );
}
