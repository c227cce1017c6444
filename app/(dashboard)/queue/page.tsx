import type { Metadata } from "next";
import Link from "next/link";
import { PendingCommentCard } from "@/components/queue/pending-comment-card";
import { requirePagePermission } from "@/lib/auth/session";
import { listPendingByArticle, type PendingCommentRow } from "@/lib/moderation/list-pending-by-article";

export const metadata: Metadata = { title: "Queue" };

const PAGE_SIZE = 50;

function groupByArticle(rows: PendingCommentRow[]): { articleId: number; title: string; comments: PendingCommentRow[] }[] {
  const groups: { articleId: number; title: string; comments: PendingCommentRow[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last?.articleId === row.articleId) last.comments.push(row);
    else groups.push({ articleId: row.articleId, title: row.articleTitle, comments: [row] });
  }
  return groups;
}

export default async function QueuePage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  await requirePagePermission("queue:read", "/queue");
  const { after } = await searchParams;
  const { rows, nextCursor } = await listPendingByArticle({ cursor: typeof after === "string" ? after : undefined, limit: PAGE_SIZE });
  return (
    <main>
      <h1 className="text-xl font-semibold">Pending comments</h1>
      {rows.length === 0 ? <p className="mt-6 text-slate-600">Nothing is waiting. New comments appear here as they are imported.</p> : null}
      {groupByArticle(rows).map((group) => (
        <section key={group.articleId} className="mt-6" aria-label={group.title}>
          <h2 className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{group.title}</h2>
          <div className="mt-3 space-y-3">
            {group.comments.map((comment) => (
              <PendingCommentCard key={comment.id} comment={comment} />
            ))}
          </div>
        </section>
      ))}
      {nextCursor ? (
        <Link href={`/queue?after=${nextCursor}`} className="mt-6 inline-block rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
          Next page
        </Link>
      ) : null}
    </main>
  );
}
