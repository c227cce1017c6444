import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecidableList } from "@/components/queue/decidable-list";
import { can } from "@/lib/auth/policy";
import { requirePagePermission } from "@/lib/auth/session";
import { ANONYMOUS_PAGE_LIMIT, listAnonymousComments } from "@/lib/moderation/list-anonymous-comments";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";

export const metadata: Metadata = { title: "No name" };

export default async function AnonymousAuthorsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("queue:read", `/articles/${id}/anonymous`);
  const articleId = Number(id);
  const [data, timeZone] = await Promise.all([Number.isSafeInteger(articleId) && articleId > 0 && articleId <= 2_147_483_647 ? listAnonymousComments(articleId) : null, getDisplayTimeZone()]);
  if (!data) notFound();
  return (
    <main className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">No name</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="anonymous-counts">
          {data.total} comment{data.total === 1 ? "" : "s"} posted without a name on{" "}
          <Link href={`/articles/${articleId}`} className="text-sky-700 underline">
            {data.title}
          </Link>
          {data.total > ANONYMOUS_PAGE_LIMIT ? ` (latest ${ANONYMOUS_PAGE_LIMIT} shown)` : ""}.
        </p>
      </div>
      <DecidableList items={data.comments} timeZone={timeZone} currentUser={{ id: user.id, email: user.email }} canDecide={can(user.role, "comment:decide")} />
    </main>
  );
}
