import Link from "next/link";
import { ResolvePushButtons, SyncNowButton } from "@/components/connectors/connector-buttons";
import { DataTable } from "@/components/ui/data-table";
import type { ConnectorView, PushesNeedingAttention, RecentSync } from "@/lib/connectors/queries";
import { formatDateTime } from "@/lib/format";

/** A connected site's last syncs and the pushes that need a person (conflicts, failures), then the latest. */
export function ConnectorActivity({ label, view, syncs, pushes, timeZone }: { label: string; view: ConnectorView; syncs: RecentSync[]; pushes: PushesNeedingAttention; timeZone: string }) {
  return (
    <div className="space-y-6" data-testid={`connector-${view.kind}`}>
      <section aria-label={`${label} sync`} className="space-y-3">
        <h3 className="font-semibold">{label}: sync</h3>
        <p className="text-sm text-slate-600" data-testid="connector-status">
          Last sync {view.lastSyncAt ? formatDateTime(view.lastSyncAt, timeZone) : "never"}
          {view.lastError ? ` failed: ${view.lastError}` : ""} · {view.pendingPushes} pushes pending · {view.failedPushes} failed · {view.conflicts} conflicts
        </p>
        <SyncNowButton kind={view.kind} />
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
      <DataTable
        caption={`${label}: pushes that need attention, then the latest ones`}
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
            {push.status === "CONFLICT"
              ? push.conflictDetail
              : push.status === "PENDING" && push.attempts > 0
                ? `${push.lastError ?? ""} · next try ${formatDateTime(push.nextAttemptAt, timeZone)}`
                : (push.lastError ?? (push.appliedAt ? `applied ${formatDateTime(push.appliedAt, timeZone)}` : ""))}
          </span>,
          push.status === "CONFLICT" ? (
            <ResolvePushButtons key="resolve" pushId={push.id} resolutions={["push-anyway", "accept-site"]} />
          ) : push.status === "FAILED" ? (
            <ResolvePushButtons key="resolve" pushId={push.id} resolutions={["retry"]} />
          ) : null,
        ])}
      />
    </div>
  );
}
