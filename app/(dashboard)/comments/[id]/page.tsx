import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SiteStatePanel } from "@/components/connectors/site-state-panel";
import { StatementOfReasonsPanel } from "@/components/dsa/statement-of-reasons-panel";
import { DecidableList } from "@/components/queue/decidable-list";
import { HiddenMeaning } from "@/components/queue/queue-legend";
import { InternalNotes } from "@/components/queue/internal-notes";
import { RevertButton } from "@/components/queue/revert-button";
import { ReaderReportsPanel } from "@/components/reports/reader-reports-panel";
import { can } from "@/lib/auth/policy";
import { requirePagePermission } from "@/lib/auth/session";
import { statementOfReasonsForComment } from "@/lib/dsa/comment-statement-of-reasons";
import { formatDateTime } from "@/lib/format";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";
import { getCommentDetail } from "@/lib/moderation/get-comment-detail";
import { reasonLabel } from "@/lib/moderation/policy";
import { listReaderReports } from "@/lib/reports/queries";
import { ruleBenchHref } from "@/lib/rules/rule-bench-href";
import { rowIdFrom } from "@/lib/validation/bounds";

export const metadata: Metadata = { title: "Comment" };

export default async function CommentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("queue:read", `/comments/${id}`);
  const timeZone = await getDisplayTimeZone();
  const commentId = rowIdFrom(id);
  const detail = commentId === null ? null : await getCommentDetail(commentId);
  if (!detail) notFound();
  const canDecide = can(user.role, "comment:decide");
  const { item } = detail;
  const latest = detail.decisions[0];
  const [statementOfReasons, readerReports] = await Promise.all([item.status === "HIDDEN" ? statementOfReasonsForComment(item.id) : null, listReaderReports(item.id)]);
  return (
    <main className="space-y-6">
      <h1 className="text-xl font-semibold">Comment #{item.id}</h1>
      <DecidableList items={[item]} timeZone={timeZone} currentUser={{ id: user.id, email: user.email }} canDecide={canDecide} showArticle />
      <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="hidden-meaning">
        <strong>What readers see:</strong> <HiddenMeaning />
      </p>
      <section aria-label="Decisions" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Decisions</h2>
        {detail.decisions.length === 0 ? <p className="mt-2 text-sm text-slate-600">Not decided yet.</p> : null}
        <ol className="mt-2 space-y-2 text-sm">
          {detail.decisions.map((decision) => (
            <li key={decision.id} data-testid="decision-row" className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{decision.action.toLowerCase()}</span>
              <span>
                {decision.fromStatus.toLowerCase()} → {decision.toStatus.toLowerCase()}
                {decision.reason ? ` (${reasonLabel(decision.reason)})` : ""}
              </span>
              <span className="text-slate-500">
                by {decision.moderator?.email ?? "the rules engine"}, {formatDateTime(decision.createdAt, timeZone)}
              </span>
              {decision.note ? <span className="comment-text text-slate-700">“{decision.note}”</span> : null}
              {decision.revertsId ? <span className="text-xs text-slate-500">takes back #{decision.revertsId}</span> : null}
            </li>
          ))}
        </ol>
        {/* Only the latest decision can be reverted: older ones no longer describe the comment. Kept
            outside the list so its message survives the refresh that adds the revert to the list. */}
        {canDecide && latest && latest.toStatus === item.status ? (
          <div className="mt-3">
            <RevertButton decisionId={latest.id} expectedVersion={item.version} label={`Revert the latest decision (${latest.action.toLowerCase()})`} />
          </div>
        ) : null}
      </section>
      <section aria-label="Flags" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Flags</h2>
        {detail.flags.length === 0 ? <p className="mt-2 text-sm text-slate-600">{detail.withdrawnFlags.length === 0 ? "No rule matched." : "No rule flags it now."}</p> : null}
        <ul className="mt-2 space-y-1 text-sm">
          {detail.flags.map((flag) => (
            <li key={flag.id}>
              <Link href={ruleBenchHref(flag.rule.id, item.id)} className="text-sky-700 hover:underline max-md:inline-block max-md:py-3">
                {flag.rule.name}
              </Link>{" "}
              (v{flag.ruleVersion}) · {flag.category.toLowerCase()} · score {flag.score} · {flag.reason} · {formatDateTime(flag.createdAt, timeZone)}
            </li>
          ))}
          {detail.withdrawnFlags.map((flag) => (
            <li key={`withdrawn-${flag.id}`} className="text-slate-500" data-testid="withdrawn-flag">
              <s>{flag.rule.name} (v{flag.ruleVersion}) · {flag.category.toLowerCase()} · {flag.reason}</s> · withdrawn {formatDateTime(flag.withdrawnAt, timeZone)} (the rule no longer flags it)
            </li>
          ))}
        </ul>
      </section>
      {readerReports.total > 0 ? <ReaderReportsPanel list={readerReports} timeZone={timeZone} /> : null}
      {statementOfReasons ? <StatementOfReasonsPanel found={statementOfReasons} /> : null}
      <SiteStatePanel commentId={item.id} timeZone={timeZone} />
      <InternalNotes notes={detail.notes} target={{ commentId: item.id }} canWrite={canDecide} testId="comment-note" />
    </main>
  );
}
