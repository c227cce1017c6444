import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import type { ConnectorKind } from "@/lib/connectors/connector";
import { checkConnectorSite } from "@/lib/connectors/check-connector-site";
import { drainConnector } from "@/lib/connectors/drain-push-outbox";
import { getConnectorView } from "@/lib/connectors/queries";
import { syncConnector } from "@/lib/connectors/sync-connector";
import { AppError } from "@/lib/errors";
import { say } from "../lib/output";
import { withDatabase } from "../lib/with-database";

// moddesk wordpress|disqus sync|push|status: the Connectors page's buttons, for cron or a first import.
// The settings themselves are entered on the Connectors page (the credential never goes through a shell).

const USAGE = (kind: string) => `usage: moddesk ${kind} sync | ${kind} push | ${kind} status${kind === "wordpress" ? " | wordpress check" : ""}`;

export function connectorCommand(kind: ConnectorKind) {
  return async (args: string[]): Promise<void> => {
    const [verb] = args;
    const actor = { ...SYSTEM_ACTOR, label: "cli" };
    await withDatabase(async () => {
      const view = await getConnectorView(kind);
      if (!view) throw new AppError("NOT_FOUND", `The ${kind} connector is not set up yet: an admin enters its settings on the Connectors page.`);
      if (verb === "sync") {
        const summary = await syncConnector(kind, "cli", actor);
        if (summary.status === "SKIPPED") return say(summary.error ?? "skipped");
        if (summary.status === "FAILED") throw new AppError("UNAVAILABLE", `sync #${summary.syncId} failed: ${summary.error}`);
        say(`sync #${summary.syncId}: ${summary.pulled} pulled, ${summary.added} new, ${summary.duplicates} already here, ${summary.rejected} rejected`);
      } else if (verb === "push") {
        const attempts = await drainConnector(view.id);
        const after = await getConnectorView(kind);
        say(`${attempts} push attempts; ${after?.pendingPushes ?? 0} pending, ${after?.failedPushes ?? 0} failed, ${after?.conflicts ?? 0} conflicts`);
      } else if (verb === "check" && kind === "wordpress") {
        const check = await checkConnectorSite();
        say(`${check.siteUrl}: what a sync would pull, by WordPress status`);
        for (const row of check.statuses) say(`  ${row.status}\t${row.comments} comments\t→ ${row.inModdesk.toLowerCase()} in Moddesk`);
        for (const finding of check.findings) say(`${finding.severity}: ${finding.message}`);
        const problems = check.findings.filter((finding) => finding.severity === "problem").length;
        if (problems > 0) throw new AppError("INVALID", `${problems} ${problems === 1 ? "problem" : "problems"} to fix before syncing`);
        say("Nothing to fix: Sync now (or moddesk wordpress sync) pulls.");
      } else if (verb === "status") {
        say(`${kind} ${String(view.settings.siteUrl ?? view.settings.forum ?? "")} ${view.enabled ? "on" : "off"}; last sync ${view.lastSyncAt?.toISOString() ?? "never"}${view.lastError ? ` (failed: ${view.lastError})` : ""}`);
        say(`${view.pendingPushes} pushes pending, ${view.failedPushes} failed, ${view.conflicts} conflicts`);
      } else throw new AppError("INVALID", USAGE(kind));
    });
  };
}
