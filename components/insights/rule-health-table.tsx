import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { formatShare } from "@/lib/insights/format-figures";
import type { RuleHealth } from "@/lib/insights/flag-insights";

const label = (text: string) => text.toLowerCase().replace("_", " ");

// Rules that fired, worst precision first, then the ones that stayed silent in this range.
export function RuleHealthTable({ rules }: { rules: RuleHealth[] }) {
  const fired = rules.filter((rule) => rule.fired > 0);
  const silent = rules.filter((rule) => rule.fired === 0);
  return (
    <div className="space-y-3">
      <DataTable
        caption="Rule health"
        testId="rule-health-table"
        headers={["Rule", "Category", "Flagged", "Hidden", "Approved", "Precision", "Auto-hidden", "Pending"]}
        rows={fired.map((rule) => [
          <span key="name" className={rule.deleted ? "text-slate-400 line-through" : "font-medium"}>
            {rule.name}
            {rule.enabled ? null : <span className="ml-1 text-xs text-slate-500">(off)</span>}
          </span>,
          label(rule.category),
          rule.fired,
          rule.hidden,
          rule.approved,
          <span key="precision" data-testid="rule-precision" className={rule.precision !== null && rule.precision < 0.5 ? "font-semibold text-red-700" : ""}>
            {formatShare(rule.precision)}
            {rule.precision !== null ? <span className="ml-1 text-xs text-slate-500">of {rule.hidden + rule.approved}</span> : null}
          </span>,
          rule.autoHidden,
          rule.pending,
        ])}
      />
      <p className="text-sm text-slate-600" data-testid="silent-rules">
        {silent.length === 0 ? "Every rule fired in this range." : <>Never fired in this range: {silent.map((rule) => rule.name).join(", ")}.</>}{" "}
        <Link href="/rules" className="font-medium text-indigo-700 underline">
          Review the rules
        </Link>
      </p>
    </div>
  );
}
