import type { Metadata } from "next";
import Link from "next/link";
import { RerunPanel } from "@/components/rules/rerun-panel";
import { CorpusFiguresCell, DeskPrecisionCell } from "@/components/rules/rule-quality-cells";
import { DataTable } from "@/components/ui/data-table";
import { can } from "@/lib/auth/policy";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { recentRuleHealth } from "@/lib/insights/recent-rule-health";
import { recordedCorpusStatus } from "@/lib/quality/recorded-rule-figures";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";
import { listRecentReruns, listRules } from "@/lib/rules/queries";

export const metadata: Metadata = { title: "Rules" };

export default async function RulesPage() {
  const user = await requirePagePermission("rules:read", "/rules");
  const timeZone = await getDisplayTimeZone();
  const canWrite = can(user.role, "rules:write");
  const [rules, reruns, health] = await Promise.all([listRules(), listRecentReruns(), recentRuleHealth()]);
  const healthByRule = new Map(health.rules.map((entry) => [entry.ruleId, entry]));
  return (
    <main className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Pre-flag rules</h1>
          <p className="mt-1 text-sm text-slate-600">Rules flag comments as they arrive so the riskiest ones reach the top of the queue. Each flag says which rule matched and where.</p>
          <p className="mt-1 text-xs text-slate-500">Desk precision: the share of a rule&apos;s decided flags your moderators hid. Labelled corpus: precision (P) and recall (R) on real reader comments labelled by the project (docs/quality.md), for rules measured there.</p>
        </div>
        {canWrite ? (
          <Link href="/rules/new" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white">
            New rule
          </Link>
        ) : null}
      </div>
      <DataTable
        caption="Rules"
        testId="rules-table"
        headers={["Rule", "Category", "Kind", "Severity", "Action", "Status", "Flags", `Desk precision (${health.days} days)`, "Labelled corpus", "Version"]}
        rows={rules.map((rule) => [
          <div key="name">
            <Link href={`/rules/${rule.id}/edit`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
              {rule.name}
            </Link>
            {rule.description ? <p className="text-xs text-slate-500">{rule.description}</p> : null}
          </div>,
          rule.category.replace("_", "-").toLowerCase(),
          rule.kind.toLowerCase(),
          rule.severity,
          rule.action.replace("_", "-").toLowerCase(),
          rule.enabled ? "enabled" : "disabled",
          rule._count.flags,
          <DeskPrecisionCell key="desk" health={healthByRule.get(rule.id)} days={health.days} />,
          <CorpusFiguresCell key="corpus" status={recordedCorpusStatus(rule)} />,
          <span key="version" title={`updated ${formatDateTime(rule.updatedAt, timeZone)}`}>v{rule.version}</span>,
        ])}
      />
      <RerunPanel
        canWrite={canWrite}
        reruns={reruns.map((rerun) => ({
          id: rerun.id,
          status: rerun.status,
          pendingOnly: rerun.pendingOnly,
          requestedBy: rerun.requestedBy,
          total: rerun.total,
          processed: rerun.processed,
          flagged: rerun.flagged,
          autoHidden: rerun.autoHidden,
          error: rerun.error,
          requestedAt: formatDateTime(rerun.createdAt, timeZone),
        }))}
      />
    </main>
  );
}
