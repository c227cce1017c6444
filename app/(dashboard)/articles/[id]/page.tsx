import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { DecidableList } from "@/components/queue/decidable-list";
import { can } from "@/lib/auth/policy";
import { pathWithQuery } from "@/lib/auth/return-path";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";
import { flattenThread } from "@/lib/moderation/flatten-thread";
import { getArticleThread } from "@/lib/moderation/get-article-thread";
import { isThreadStart, threadCommentCount, threadPositionFromQuery, threadWindowCaption, wordCount } from "@/lib/moderation/thread-window";
import { rowIdFrom } from "@/lib/validation/bounds";

export const metadata: Metadata = { title: "Article" };

// Tall enough for a thumb on a phone without moving the line (as the small links on a card).
const TAP = "max-md:inline-block max-md:py-3";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ArticlePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const { position, query } = threadPositionFromQuery(await searchParams);
  // A session that ended comes back to the same window of the thread, around the same comment.
  const user = await requirePagePermission("queue:read", pathWithQuery(`/articles/${id}`, query));
  const timeZone = await getDisplayTimeZone();
  const articleId = rowIdFrom(id);
  const data = articleId === null ? null : await getArticleThread(articleId, position);
  if (!data) notFound();
  const thread = flattenThread(data.thread);
  const pageLink = "inline-flex min-h-11 items-center rounded-md border border-slate-300 px-4 text-sm font-medium hover:bg-slate-50";
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{data.article.title}</h1>
        <p className="mt-1 text-sm text-slate-500">
          Published {formatDateTime(data.article.publishedAt, timeZone)} · {threadCommentCount(data.total)} ·{" "}
          <Link href={`/queue?tab=all&article=${data.article.id}`} className={`text-sky-700 underline ${TAP}`} data-testid="thread-open-in-queue">
            open in the queue
          </Link>{" "}
          ·{" "}
          <Link href={`/articles/${data.article.id}/anonymous`} className={`text-sky-700 underline ${TAP}`}>
            comments with no name
          </Link>
        </p>
      </div>
      {data.article.body ? (
        // Open at the thread's start; folded on a later window or around a comment, where it stood
        // between the editor and the comments on every page (a phone screen and a half of text).
        <details open={isThreadStart(position)} className="rounded-lg border border-slate-200 bg-white" data-testid="thread-article">
          <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-slate-700">The article ({wordCount(data.article.body)})</summary>
          <div className="comment-text border-t border-slate-100 p-4 text-[15px] leading-relaxed">{data.article.body}</div>
        </details>
      ) : null}
      <section aria-label="Comments">
        <h2 className="mb-3 text-lg font-semibold">Comments</h2>
        {data.thread.length === 0 ? (
          <p className="text-slate-600">No comments.</p>
        ) : (
          <>
            <p className="mb-2 text-xs text-slate-500 max-md:hidden">Keys as in the queue: j / k to move, a to approve, h then 1-5 to hide, u to undo.</p>
            {data.earlier ? (
              <Link href={`/articles/${data.article.id}?before=${data.earlier}`} className={`${pageLink} mb-3`} data-testid="thread-earlier">
                Earlier comments
              </Link>
            ) : null}
            <p className="mb-2 text-sm text-slate-600" data-testid="thread-window">
              {threadWindowCaption(thread.items.length, data.total)}
            </p>
            <DecidableList key={thread.items[0]?.id} items={thread.items} depths={thread.depths} timeZone={timeZone} currentUser={{ id: user.id, email: user.email }} canDecide={can(user.role, "comment:decide")} hasKeyboard focusId={data.focusId} />
            {data.later ? (
              <Link href={`/articles/${data.article.id}?after=${data.later}`} className={`${pageLink} mt-3`} data-testid="thread-later">
                Later comments
              </Link>
            ) : null}
          </>
        )}
      </section>
    </main>
  );
}
