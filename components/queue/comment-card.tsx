import Link from "next/link";
import { describeDecision } from "@/lib/moderation/policy";
import type { QueueItem } from "@/lib/moderation/queue-item";
import { describeReaderNote, describeReports } from "@/lib/reports/summarize-reports";
import { SuggestionBadge } from "@/components/insights/suggestion-badge";
import { NotScoredBadge } from "./not-scored-badge";
import { categoryStyle } from "./category-style";
import { HighlightedBody } from "./highlighted-body";
import { authorHref } from "@/lib/moderation/author-href";
import { ruleBenchHref } from "@/lib/rules/rule-bench-href";

import { formatInZone, UTC } from "@/lib/time-zone";

const STATUS_STYLE = {
  PENDING: "bg-slate-100 text-slate-700",
  APPROVED: "bg-emerald-100 text-emerald-800",
  HIDDEN: "bg-rose-100 text-rose-800",
} as const;

// A thumb-sized target for a small link on a phone: padding grows what can be tapped, the negative
// margin keeps the line it sits on where it was.
const TAP = "max-md:inline-block max-md:py-3.5 max-md:-my-3.5";

function quote(text: string): string {
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

export interface CommentCardProps {
  item: QueueItem;
  isFocused?: boolean;
  isSelected?: boolean;
  /** Shown above the actions: e.g. "ana@… hid this comment at 12:03 GMT+5 on 6 Dec 2026" when a colleague decided meanwhile. */
  remark?: string | null;
  showArticle?: boolean;
  /** The thread window where the parent is, when it is not nested right above (thread-window.ts parentElsewhereHref). */
  parentHref?: string | null;
  children?: React.ReactNode;
  cardRef?: (element: HTMLElement | null) => void;
  onFocus?: () => void;
  /** The reader's display zone (lib/settings/display-time-zone.ts). */
  timeZone?: string;
}

// scroll-margin: a card focused with j/k scrolls clear of the sticky selection bar (top on a desk,
// bottom on a phone) and of the notice at the bottom.

/** One comment as moderators read it. Presentational: usable from the queue board and from server pages. */
export function CommentCard({ item, isFocused = false, isSelected = false, remark, showArticle = true, parentHref = null, children, cardRef, onFocus, timeZone = UTC }: CommentCardProps) {
  const history = item.authorHistory;
  return (
    <article
      ref={cardRef}
      tabIndex={cardRef ? (isFocused ? 0 : -1) : undefined}
      onFocus={onFocus}
      data-testid="comment-card"
      data-comment-id={item.id}
      data-status={item.status}
      data-focused={isFocused ? "true" : undefined}
      data-selected={isSelected ? "true" : undefined}
      aria-label={`Comment by ${item.authorName ?? "no name"}, ${item.status.toLowerCase()}`}
      className={`scroll-mt-28 scroll-mb-28 rounded-lg border bg-white p-4 shadow-sm outline-none max-md:scroll-mb-44 ${isFocused ? "border-sky-500 ring-2 ring-sky-300" : "border-slate-200"} ${isSelected ? "bg-sky-50" : ""} ${item.status !== "PENDING" ? "opacity-80" : ""}`}
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        {item.authorName ? (
          <Link href={authorHref(item.authorName)} className={`font-semibold hover:underline ${TAP}`} data-testid="comment-author">
            {item.authorName}
          </Link>
        ) : (
          <Link href={`/articles/${item.article.id}/anonymous`} className={`text-slate-500 italic hover:underline ${TAP}`} data-testid="comment-author">
            no name
          </Link>
        )}
        <span className="text-xs text-slate-500" data-testid="author-history">
          {history.earlier === 0 ? "first comment" : `${history.earlier} earlier: ${history.approved} approved, ${history.hidden} hidden, ${history.pending} pending`}
        </span>
        <time dateTime={item.postedAt} className="text-slate-500">
          {formatInZone(new Date(item.postedAt), timeZone)}
        </time>
        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLE[item.status]}`} data-testid="comment-status">
          {item.status.toLowerCase()}
        </span>
        {item.isHeld ? (
          <span className="cursor-help rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-800" title="Held: a Hold rule matched, so the comment waits for a person and comes first in the queue.">
            held
          </span>
        ) : null}
        {item.notScored && item.notScored.length > 0 ? <NotScoredBadge notScored={item.notScored} /> : null}
        {item.priority > 0 ? (
          <span className="cursor-help text-xs text-slate-500" title="Priority: how urgent, from the flags (strongest flag's severity × certainty, more per extra category, +10 when held) plus readers' reports (10 for the first, 10 more per doubling, at most 40). Higher comes first.">
            priority {item.priority}
          </span>
        ) : null}
        <Link href={`/comments/${item.id}`} className={`ml-auto text-xs text-sky-700 hover:underline ${TAP}`}>
          History
        </Link>
      </header>
      {showArticle ? (
        <p className="mt-1 text-xs text-slate-500">
          on{" "}
          <Link href={`/articles/${item.article.id}?comment=${item.id}`} className={`text-sky-700 hover:underline ${TAP}`} data-testid="comment-article">
            {item.article.title}
          </Link>
        </p>
      ) : null}
      {item.parent ? (
        <blockquote className="mt-2 border-l-4 border-slate-200 pl-3 text-sm text-slate-600" data-testid="comment-parent">
          <span className="font-medium">{item.parent.authorName ?? "no name"}</span> wrote{parentHref ? ", on another page of the thread" : ""}:{" "}
          <span className="comment-text">{quote(item.parent.body)}</span>
          {parentHref ? (
            <Link href={parentHref} className="flex min-h-11 items-center text-sky-700 underline md:mt-1 md:min-h-0" data-testid="comment-parent-link">
              Show it in the thread
            </Link>
          ) : null}
        </blockquote>
      ) : null}
      <HighlightedBody body={item.body} flags={item.flags} />
      {item.suggestion ? <SuggestionBadge suggestion={item.suggestion} /> : null}
      {item.flags.length > 0 ? (
        <ul className="mt-2 flex flex-wrap gap-2 text-xs" aria-label="Flags">
          {item.flags.map((flag, index) => {
            const style = categoryStyle(flag.category);
            return (
              <li key={index} className={`rounded px-2 py-0.5 ${style.className}`} data-category={flag.category}>
                <span aria-hidden="true">{style.symbol} </span>
                <strong className="font-semibold">{style.label}</strong> ·{" "}
                <Link href={ruleBenchHref(flag.ruleId, item.id)} className={`underline decoration-dotted underline-offset-2 hover:decoration-solid ${TAP}`} title="Open the rule with this comment on its test bench" data-testid="flag-rule-link">
                  {flag.ruleName}
                </Link>{" "}
                · {flag.reason}
              </li>
            );
          })}
        </ul>
      ) : null}
      {item.reports.length > 0 ? (
        <p className="mt-2 text-xs font-medium text-orange-800" data-testid="card-reports">
          {describeReports(item.reports)}
          {item.readerNote ? (
            <>
              {" · "}
              <span className="font-normal text-slate-600">{describeReaderNote(item.readerNote)}</span>{" "}
              <span className="comment-text font-normal text-slate-800" data-testid="card-reader-note">
                “{quote(item.readerNote.note)}”
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      {item.decision ? (
        <p className="mt-2 text-xs text-slate-600" data-testid="comment-decision">
          {describeDecision({ status: item.status, decidedBy: item.decision.by, decidedAt: new Date(item.decision.at), reason: item.decision.reason }, { timeZone })}
        </p>
      ) : null}
      {item.notes.latest ? (
        <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-950" data-testid="card-notes">
          <Link href={`/comments/${item.id}`} className="font-semibold hover:underline">
            {item.notes.count === 1 ? "1 internal note" : `${item.notes.count} internal notes`}
          </Link>
          {" · latest by "}
          {item.notes.latest.by ?? "a former account"}, {formatInZone(new Date(item.notes.latest.at), timeZone)}: <span className="comment-text" data-testid="card-latest-note">{quote(item.notes.latest.note)}</span>
        </p>
      ) : null}
      {remark ? (
        <p className="mt-2 rounded bg-sky-50 px-2 py-1 text-sm text-sky-900" data-testid="comment-remark">
          {remark}
        </p>
      ) : null}
      {children}
    </article>
  );
}
