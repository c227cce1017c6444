import type { Metadata } from "next";
import { AuthorActions } from "@/components/queue/author-actions";
import { CommentCard } from "@/components/queue/comment-card";
import { NoteForm } from "@/components/queue/note-form";
import { can } from "@/lib/auth/policy";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { AUTHOR_PAGE_LIMIT, getAuthorProfile } from "@/lib/moderation/get-author-profile";

export const metadata: Metadata = { title: "Author" };

export default async function AuthorPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const authorName = safeDecode(name);
  const user = await requirePagePermission("queue:read", `/authors/${name}`);
  const profile = await getAuthorProfile(authorName);
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
      <section aria-label="Internal notes" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Internal notes</h2>
        <p className="text-xs text-slate-500">Visible to moderators only.</p>
        <ul className="mt-2 space-y-2 text-sm">
          {profile.notes.map((note) => (
            <li key={note.id} data-testid="author-note">
              <span className="comment-text">{note.note}</span> <span className="text-xs text-slate-500">— {note.writer.email}, {formatDateTime(note.createdAt)}</span>
            </li>
          ))}
        </ul>
        {canDecide ? <NoteForm target={{ authorName }} /> : null}
      </section>
      <section aria-label="Comments" className="space-y-3">
        <h2 className="font-semibold">Comments{profile.counts.total > AUTHOR_PAGE_LIMIT ? ` (latest ${AUTHOR_PAGE_LIMIT})` : ""}</h2>
        {profile.comments.map((item) => (
          <CommentCard key={item.id} item={item} />
        ))}
      </section>
    </main>
  );
}

/** Names are free text: a stray "%" in one must not turn the page into an error. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
