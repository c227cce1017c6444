import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { DecidableList } from "@/components/queue/decidable-list";
import { can } from "@/lib/auth/policy";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";
import { flattenThread } from "@/lib/moderation/flatten-thread";
import { getArticleThread } from "@/lib/moderation/get-article-thread";
import { rowIdFrom } from "@/lib/validation/bounds";

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("queue:read", `/articles/${id}`);
  const timeZone = await getDisplayTimeZone();
  const articleId = rowIdFrom(id);
  const data = articleId === null ? null : await getArticleThread(articleId);
  if (!data) notFound();
  const thread = flattenThread(data.thread);
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{data.article.title}</h1>
        <p className="mt-1 text-sm text-slate-500">
          Published {formatDateTime(data.article.publishedAt, timeZone)} · {data.total} comments ·{" "}
          <Link href={`/queue?tab=all&article=${data.article.id}`} className="text-sky-700 underline">
            open in the queue
          </Link>{" "}
          ·{" "}
          <Link href={`/articles/${data.article.id}/anonymous`} className="text-sky-700 underline">
            comments with no name
          </Link>
        </p>
      </div>
      {data.article.body ? <div className="comment-text rounded-lg border border-slate-200 bg-white p-4 text-[15px] leading-relaxed">{data.article.body}</div> : null}
      <section aria-label="Comments">
        <h2 className="mb-3 text-lg font-semibold">Comments</h2>
        {data.thread.length === 0 ? (
          <p className="text-slate-600">No comments.</p>
        ) : (
          <>
            <p className="mb-2 text-xs text-slate-500">Keys as in the queue: j / k to move, a to approve, h then 1-5 to hide, u to undo.</p>
            <DecidableList items={thread.items} depths={thread.depths} timeZone={timeZone} currentUser={{ id: user.id, email: user.email }} canDecide={can(user.role, "comment:decide")} hasKeyboard />
          </>
        )}
        {data.isTruncated ? <p className="mt-3 text-sm text-slate-600">Only the first {data.total} comments are shown; use the queue&rsquo;s article filter for the rest.</p> : null}
      </section>
    </main>
  );
}
