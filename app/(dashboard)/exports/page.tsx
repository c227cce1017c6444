import type { Metadata } from "next";
import { ExportConfirmation } from "@/components/exports/export-confirmation";
import { ExportForm } from "@/components/exports/export-form";
import { DataTable } from "@/components/ui/data-table";
import { requirePagePermission } from "@/lib/auth/session";
import { EXPORT_COLUMNS } from "@/lib/export/columns";
import { listExportChoices } from "@/lib/export/queries";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";

export const metadata: Metadata = { title: "Exports" };

export default async function ExportsPage() {
  await requirePagePermission("exports:run", "/exports");
  const [{ articles, moderatorEmails }, timeZone] = await Promise.all([listExportChoices(), getDisplayTimeZone()]);
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Exports</h1>
        <p className="mt-1 text-sm text-slate-600">
          Download moderation decisions, one row per decision, oldest first. Large exports stream straight to your disk. Every export is recorded in the audit log.
        </p>
      </div>
      <ExportForm articles={articles} moderatorEmails={moderatorEmails} timeZone={timeZone} />
      <ExportConfirmation formId="export-form" timeZone={timeZone} />
      <p className="text-sm text-slate-600">
        The same export from a script: <code>GET /api/v1/decisions?format=csv&amp;since=2026-11-01</code> with <code>Authorization: Bearer mdk_…</code>, or{" "}
        <code>npm run moddesk -- export --format csv --since 2026-11-01 --out decisions.csv</code>. There a bare date is a UTC day unless you add{" "}
        <code>tz={timeZone}</code> (<code>--tz</code>), as this form does. In CSV, text cells starting with = + - @ tab or CR get a leading &apos; so that spreadsheets do not run them as formulas.
      </p>
      <DataTable caption="Export columns" testId="export-columns" headers={["Column", "Meaning"]} rows={EXPORT_COLUMNS.map((column) => [<code key="key">{column.key}</code>, column.description])} />
    </main>
  );
}
