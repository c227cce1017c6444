import type { Metadata } from "next";
import Link from "next/link";
import { ResolvePushButtons, SyncNowButton } from "@/components/connectors/connector-buttons";
import { WordpressSettingsForm } from "@/components/connectors/wordpress-settings-form";
import { DataTable } from "@/components/ui/data-table";
import { requirePagePermission } from "@/lib/auth/session";
import { getConnectorView, listPushesNeedingAttention, listRecentSyncs } from "@/lib/connectors/queries";
import { formatDateTime } from "@/lib/format";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";

export const metadata: Metadata = { title: "Connectors" };

export default async function ConnectorsPage() {
  await requirePagePermission("connectors:manage", "/connectors");
  const timeZone = await getDisplayTimeZone();
  const wordpress = await getConnectorView("wordpress");
  const [syncs, pushes] = wordpress ? await Promise.all([listRecentSyncs(wordpress.id), listPushesNeedingAttention(wordpress.id)]) : [[], { open: [], recent: [] }];
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Connectors</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Moddesk pulls new comments from your site every 5 minutes (or now), and sends each decision back: approve publishes the comment, hide holds or trashes it, undo puts back
          what the site had. If a comment changed on the site since Moddesk saw it, nothing is overwritten: the push waits below as a conflict for you to resolve.
        </p>
      </div>
      <WordpressSettingsForm settings={(wordpress?.settings ?? {}) as Record<string, string>} hasSecret={wordpress?.hasSecret ?? false} enabled={wordpress?.enabled ?? true} />
      {wordpress ? (
        <section aria-label="WordPress sync" className="space-y-3">
          <h2 className="font-semibold">Sync</h2>
          <p className="text-sm text-slate-600" data-testid="connector-status">
            Last sync {wordpress.lastSyncAt ? formatDateTime(wordpress.lastSyncAt, timeZone) : "never"}
            {wordpress.lastError ? ` failed: ${wordpress.lastError}` : ""} · {wordpress.pendingPushes} pushes pending · {wordpress.failedPushes} failed · {wordpress.conflicts} conflicts
          </p>
          <SyncNowButton kind="wordpress" />
          <DataTable
            caption="Latest syncs"
            testId="connector-syncs"
            headers={["Sync", "Started", "Why", "Status", "Pulled", "New", "Already here", "Rejected", "Import"]}
            rows={syncs.map((sync) => [
              `#${sync.id}`,
              formatDateTime(sync.startedAt, timeZone),
              sync.trigger,
              <span key="status" className="comment-text">
                {sync.status.toLowerCase()}
                {sync.error ? `: ${sync.error}` : ""}
              </span>,
              sync.pulled,
              sync.added,
              sync.duplicates,
              sync.rejected,
              sync.importBatchId ? `#${sync.importBatchId}` : "",
            ])}
          />
        </section>
      ) : null}
      {wordpress ? (
        <DataTable
          caption="Pushes that need attention, then the latest ones"
          testId="connector-pushes"
          headers={["Push", "Comment", "Decision", "Status", "Attempts", "What happened", ""]}
          rows={[...pushes.open, ...pushes.recent].map((push) => [
            `#${push.id}`,
            <Link key="comment" href={`/comments/${push.commentId}`} className="underline">
              #{push.commentId} (site {push.externalId})
            </Link>,
            `${push.decision.toLowerCase()}${push.reason ? ` (${push.reason.toLowerCase()})` : ""}`,
            <span key="status" data-testid="push-status">
              {push.status.toLowerCase()}
            </span>,
            push.attempts,
            <span key="detail" className="comment-text block max-w-md">
              {push.status === "CONFLICT" ? push.conflictDetail : push.status === "PENDING" && push.attempts > 0 ? `${push.lastError ?? ""} · next try ${formatDateTime(push.nextAttemptAt, timeZone)}` : (push.lastError ?? (push.appliedAt ? `applied ${formatDateTime(push.appliedAt, timeZone)}` : ""))}
            </span>,
            push.status === "CONFLICT" ? (
              <ResolvePushButtons key="resolve" pushId={push.id} resolutions={["push-anyway", "accept-site"]} />
            ) : push.status === "FAILED" ? (
              <ResolvePushButtons key="resolve" pushId={push.id} resolutions={["retry"]} />
            ) : null,
          ])}
        />
      ) : null}
    </main>
  );
}
