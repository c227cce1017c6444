import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthorActions } from "@/components/queue/author-actions";
import { DecidableList } from "@/components/queue/decidable-list";
import { InternalNotes } from "@/components/queue/internal-notes";
import { can } from "@/lib/auth/policy";
import { requirePagePermission } from "@/lib/auth/session";
import { AUTHOR_NAME_PARAM, AUTHOR_STATUS_PARAM, authorNameFrom, authorStatusFrom, authorStatusHref } from "@/lib/moderation/author-href";
import type { CommentStatusName } from "@/lib/moderation/queue-item";
import { AUTHOR_PAGE_LIMIT, getAuthorProfile } from "@/lib/moderation/get-author-profile";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";

export const metadata: Metadata = { title: "Author" };

export default async function AuthorPage({ params, searchParams }: { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { name } = await params;
  const query = await searchParams;
  const authorName = authorNameFrom(name, query[AUTHOR_NAME_PARAM]);
  if (authorName === null) notFound();
  const status = authorStatusFrom(query[AUTHOR_STATUS_PARAM]);
  const user = await requirePagePermission("queue:read", authorStatusHref(authorName, status));
  const [profile, timeZone] = await Promise.all([getAuthorProfile(authorName, status), getDisplayTimeZone()]);
  const filters: [CommentStatusName | null, string, number][] = [
    [null, "All", profile.counts.total],
    ["PENDING", "Pending", profile.counts.pending],
    ["APPROVED", "Approved", profile.counts.approved],
    ["HIDDEN", "Hidden", profile.counts.hidden],
  ];
  const shown = filters.find(([value]) => value === status)!;
  const canDecide = can(user.role, "comment:decide");
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{authorName}</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="author-counts">
          {profile.counts.total} comments: {profile.counts.pending} pending, {profile.counts.approved} approved, {profile.counts.hidden} hidden
        </p>
        {/* The earlier decisions one tap away: a prolific author's hidden few were a long scroll down a page of every status. */}
        <nav aria-label="Show the author's comments" className="mt-2 flex flex-wrap gap-2 text-sm" data-testid="author-status-filter">
          {filters.map(([value, label, count]) => (
            <Link
              key={label}
              href={authorStatusHref(authorName, value)}
              aria-current={value === status ? "page" : undefined}
              className={`inline-flex min-h-11 items-center gap-1.5 rounded-md border px-3 md:min-h-9 ${value === status ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}
            >
              {label} <span className="tabular-nums">{count.toLocaleString("en-US")}</span>
            </Link>
          ))}
        </nav>
      </div>
      {canDecide ? <AuthorActions authorName={authorName} pending={profile.counts.pending} isWatched={profile.watchRules.length > 0} /> : null}
      {profile.watchRules.length > 0 ? (
        <ul className="text-sm text-slate-600">
          {profile.watchRules.map((rule) => (
            <li key={rule.id}>
              Watch rule “{rule.name}”: {rule.action === "HOLD" ? "held for review" : "hidden on import"} as {rule.category.toLowerCase()}
              {rule.enabled ? "" : " (disabled)"}
            </li>
          ))}
        </ul>
      ) : null}
      <InternalNotes notes={profile.notes} target={{ authorName }} canWrite={canDecide} testId="author-note" />
      <section aria-label="Comments" className="space-y-3">
        <h2 className="font-semibold">
          {status === null ? "Comments" : `${shown[1]} comments`}
          {shown[2] > AUTHOR_PAGE_LIMIT ? ` (latest ${AUTHOR_PAGE_LIMIT})` : ""}
        </h2>
        {profile.comments.length === 0 ? <p className="text-sm text-slate-600">{status === null ? "No comments." : `No ${shown[1].toLowerCase()} comments.`}</p> : null}
        <DecidableList items={profile.comments} timeZone={timeZone} currentUser={{ id: user.id, email: user.email }} canDecide={canDecide} showArticle />
      </section>
    </main>
  );
}
