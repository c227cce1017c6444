import type { Metadata } from "next";
import { ArticleTable } from "@/components/insights/article-table";
import { ChartCard } from "@/components/insights/chart-card";
import { CountBarChart } from "@/components/insights/count-bar-chart";
import { LatencyChart } from "@/components/insights/latency-chart";
import { ModelStatusCard } from "@/components/insights/model-status-card";
import { QueueChart } from "@/components/insights/queue-chart";
import { RangePicker } from "@/components/insights/range-picker";
import { RuleHealthTable } from "@/components/insights/rule-health-table";
import { StatTiles } from "@/components/insights/stat-tiles";
import { can } from "@/lib/auth/policy";
import { requirePagePermission } from "@/lib/auth/session";
import { parseRangeRequest } from "@/lib/insights/date-range";
import { loadInsights } from "@/lib/insights/load-insights";
import { resolveDateRange } from "@/lib/insights/resolve-date-range";
import { formatInZone } from "@/lib/time-zone";

export const metadata: Metadata = { title: "Insights" };

const label = (text: string) => text.charAt(0) + text.slice(1).toLowerCase().replace("_", " ");
const RULE_BARS = 12;

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("queue:read", "/insights");
  const range = await resolveDateRange(parseRangeRequest(await searchParams));
  const data = await loadInsights(range, { withModerators: can(user.role, "insights:moderators") });

  const firedRules = data.rules.filter((rule) => rule.fired > 0).slice(0, RULE_BARS);
  return (
    <main className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Insights</h1>
          <p className="text-sm text-slate-600" data-testid="range-label">
            {range.from} to {range.to} (days in {range.timeZone}, the desk&apos;s time zone){range.bucket === "week" ? ", per week" : ""}.
          </p>
          <p className="text-sm text-slate-600" data-testid="range-basis">
            Comments, flags, rules and articles: by the day the comment was posted. Decisions (time to decision, hidden by reason, per moderator): by the day the decision was made.
          </p>
        </div>
        <RangePicker range={range} />
      </div>
      {range.recountSince ? (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="recount-note">
          Re-counting the stored days in {range.timeZone} since the desk&apos;s time zone changed ({formatInZone(range.recountSince, range.timeZone)}). The figures are already counted in {range.timeZone}, only slower to load until it is done.
        </p>
      ) : null}
      {range.note ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="range-note">
          {range.note}
        </p>
      ) : null}
      <StatTiles queue={data.queue} latency={data.latency.overall} />
      <ChartCard title="Queue over time, by posting day" testId="chart-queue" isEmpty={data.queue.every((point) => point.posted === 0)}>
        <QueueChart points={data.queue} />
      </ChartCard>
      <div className="grid gap-5 lg:grid-cols-2">
        <ChartCard title="Import to decision (hours), by decision day" testId="chart-latency" isEmpty={data.latency.byDay.length === 0} emptyText="No decisions by moderators were made in this range.">
          <LatencyChart points={data.latency.byDay} />
        </ChartCard>
        <ChartCard title="Flags by category, by posting day" testId="chart-categories" isEmpty={data.categories.length === 0}>
          <CountBarChart rows={data.categories.map((row) => ({ label: label(row.category), flags: row.flags }))} series={[{ key: "flags", label: "Flags", color: "#4f46e5" }]} />
        </ChartCard>
        <ChartCard title="Hides made in the range, by reason" testId="chart-reasons" isEmpty={data.reasons.hidden.length === 0} aside={<span className="text-xs text-slate-500">{data.reasons.approved} approvals made</span>}>
          <CountBarChart
            rows={data.reasons.hidden.map((row) => ({ label: label(row.reason), byModerators: row.byModerators, byRules: row.byRules }))}
            series={[{ key: "byModerators", label: "By moderators", color: "#dc2626" }, { key: "byRules", label: "Auto-hidden by rules", color: "#fca5a5" }]}
          />
        </ChartCard>
        <ChartCard title="Flags by rule, and what moderators did, by posting day" testId="chart-rules" isEmpty={firedRules.length === 0}>
          <CountBarChart
            rows={firedRules.map((rule) => ({ label: rule.name, hidden: rule.hidden, approved: rule.approved, autoHidden: rule.autoHidden, pending: rule.pending }))}
            series={[{ key: "hidden", label: "Hidden", color: "#dc2626" }, { key: "approved", label: "Approved", color: "#16a34a" }, { key: "autoHidden", label: "Auto-hidden", color: "#fca5a5" }, { key: "pending", label: "Pending", color: "#f59e0b" }]}
          />
        </ChartCard>
      </div>
      {data.moderators ? (
        <ChartCard title="Decisions per moderator, made in the range" testId="chart-moderators" isEmpty={data.moderators.length === 0}>
          <CountBarChart
            rows={data.moderators.map((row) => ({ label: row.email, approved: row.approved, hidden: row.hidden }))}
            series={[{ key: "approved", label: "Approved", color: "#16a34a" }, { key: "hidden", label: "Hidden", color: "#dc2626" }]}
          />
        </ChartCard>
      ) : null}
      <section aria-label="Rule health" className="space-y-2">
        <h2 className="text-base font-semibold">Rule health</h2>
        <p className="text-sm text-slate-600">Precision: of the flagged comments moderators decided, the share they hid. Low precision means the rule flags what people let through.</p>
        <RuleHealthTable rules={data.rules} />
      </section>
      <section aria-label="Articles" className="space-y-2">
        <h2 className="text-base font-semibold">Articles</h2>
        <ArticleTable insights={data.articles} />
      </section>
      <ModelStatusCard status={data.model} />
    </main>
  );
}
