import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { listAuditEvents } from "@/lib/audit/queries";
import { can } from "@/lib/auth/policy";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requirePagePermission("audit:read-decisions", "/audit");
  const { before } = await searchParams;
  const beforeId = Number(before);
  const { events, nextBefore } = await listAuditEvents({ before: Number.isInteger(beforeId) && beforeId > 0 ? beforeId : undefined, limit: 100, decisionsOnly: !can(user.role, "audit:read-all") });
  return (
    <main>
      <h1 className="text-xl font-semibold">Audit log</h1>
      <p className="mt-1 text-sm text-slate-600">Every change, newest first. The log is append-only and hash-chained: check it with <code>npm run moddesk -- audit verify</code>.</p>
      <div className="mt-4">
        <DataTable
          caption="Audit events"
          testId="audit-table"
          headers={["#", "When", "Who", "What", "Concerning", "Details"]}
          rows={events.map((event) => [
            event.id,
            formatDateTime(event.createdAt),
            event.actorLabel,
            <code key="action">{event.action}</code>,
            `${event.entityType}${event.entityId ? ` ${event.entityId}` : ""}`,
            <details key="details">
              <summary className="cursor-pointer text-slate-500">show</summary>
              <pre className="mt-1 max-w-md overflow-x-auto text-xs whitespace-pre-wrap">{JSON.stringify(event.details, null, 2)}</pre>
            </details>,
          ])}
        />
      </div>
      {nextBefore ? (
        <Link href={`/audit?before=${nextBefore}`} className="mt-4 inline-block rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
          Older events
        </Link>
      ) : null}
    </main>
  );
}
