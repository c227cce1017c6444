import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthorActions } from "@/components/queue/author-actions";
import { DecidableList } from "@/components/queue/decidable-list";
import { InternalNotes } from "@/components/queue/internal-notes";
import { can } from "@/lib/auth/policy";
import { requirePagePermission } from "@/lib/auth/session";
import { AUTHOR_NAME_PARAM, authorHref, authorNameFrom } from "@/lib/moderation/author-href";
import { AUTHOR_PAGE_LIMIT, getAuthorProfile } from "@/lib/moderation/get-author-profile";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";

export const metadata: Metadata = { title: "Author" };

export default async function AuthorPage({ params, searchParams }: { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { name } = await params;
  const authorName = authorNameFrom(name, (await searchParams)[AUTHOR_NAME_PARAM]);
  if (authorName === null) notFound();
  const user = await requirePagePermission("queue:read", authorHref(authorName));
  const [profile, timeZone] = await Promise.all([getAuthorProfile(authorName), getDisplayTimeZone()]);
  const canDecide = can(user.role, "comment:decide");
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{authorName}</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="author-counts">
          {profile.counts.total} comments: {profile.counts.pending} pending, {profile.counts.approved} approved, {profile.counts.hidden} hidden
        </p>
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
        <h2 className="font-semibold">Comments{profile.counts.total > AUTHOR_PAGE_LIMIT ? ` (latest ${AUTHOR_PAGE_LIMIT})` : ""}</h2>
        <DecidableList items={profile.comments} timeZone={timeZone} currentUser={{ id: user.id, email: user.email }} canDecide={canDecide} showArticle />
      </section>
    </main>
  );
}
