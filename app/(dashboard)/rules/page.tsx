import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listRules } from "@/lib/rules/queries";

export const metadata: Metadata = { title: "Rules" };

export default async function RulesPage() {
  await requirePagePermission("rules:read", "/rules");
  const rules = await listRules();
  return (
    <main>
      <h1 className="text-xl font-semibold">Pre-flag rules</h1>
      <p className="mt-1 text-sm text-slate-600">Rules flag comments as they arrive so the riskiest ones reach the top of the queue. Each flag says which rule matched and where.</p>
      <div className="mt-4">
        <DataTable
          caption="Rules"
          testId="rules-table"
          headers={["Rule", "Category", "Kind", "Severity", "Action", "Status", "Flags", "Version"]}
          rows={rules.map((rule) => [
            <div key="name">
              <p className="font-medium">{rule.name}</p>
              {rule.description ? <p className="text-xs text-slate-500">{rule.description}</p> : null}
            </div>,
            rule.category.replace("_", "-").toLowerCase(),
            rule.kind.toLowerCase(),
            rule.severity,
            rule.action.replace("_", "-").toLowerCase(),
            rule.enabled ? "enabled" : "disabled",
            rule._count.flags,
            <span key="version" title={`updated ${formatDateTime(rule.updatedAt)}`}>v{rule.version}</span>,
          ])}
        />
      </div>
    </main>
  );
}
