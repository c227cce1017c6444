import type { PendingCommentRow } from "@/lib/moderation/list-pending-by-article";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

// Reader text is rendered as a React text node: never as HTML, whatever it contains.
export function PendingCommentCard({ comment }: { comment: PendingCommentRow }) {
  return (
    <article data-testid="comment-card" data-comment-id={comment.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <span className="font-semibold" data-testid="comment-author">
          {comment.authorName ?? <span className="font-normal text-slate-400 italic">no name</span>}
        </span>
        <time dateTime={comment.postedAt.toISOString()} className="text-slate-500">
          {timeFormat.format(comment.postedAt)} UTC
        </time>
        {comment.parentAuthorName ? <span className="text-slate-500">replying to {comment.parentAuthorName}</span> : null}
      </header>
      <p className="comment-text mt-2 text-[15px] leading-relaxed" data-testid="comment-body">
        {comment.body}
      </p>
    </article>
  );
}
