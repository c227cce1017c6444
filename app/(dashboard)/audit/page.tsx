import type { Metadata } from "next";
import Link from "next/link";
import { AuditEventDetails } from "@/components/audit/audit-event-details";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { describeAuditEvent, describeSubject } from "@/lib/audit/describe-event";
import { DataTable } from "@/components/ui/data-table";
import { entityHref } from "@/lib/audit/entity-link";
import { userEmailsOf, withUserEmail } from "@/lib/audit/entity-names";
import { listAuditActions, listAuditEvents } from "@/lib/audit/queries";
import { auditPageHref, parseAuditFilters } from "@/lib/audit/schemas";
import { can } from "@/lib/auth/policy";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("audit:read-decisions", "/audit");
  const timeZone = await getDisplayTimeZone();
  const canSeeAll = can(user.role, "audit:read-all");
  const scope = canSeeAll ? "all" : "decisions";
  const { filters, raw, problems, dayTimeZone } = parseAuditFilters(await searchParams, timeZone);
  const [{ events, nextBefore }, actions] = await Promise.all([listAuditEvents({ filters, limit: 100, scope }), listAuditActions(scope)]);
  const emails = await userEmailsOf(events);
  return (
    <main className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          {canSeeAll ? "Every change, newest first." : "Moderation decisions, newest first."} The log is append-only and hash-chained: nobody can edit or remove an event
          without the chain showing it{canSeeAll ? "." : " (admins can verify it here)."}
        </p>
        {canSeeAll ? (
          <div className="mt-2">
            <VerifyChainButton timeZone={timeZone} />
          </div>
        ) : null}
      </div>
      <AuditFilterForm raw={raw} actions={actions} canSeeAll={canSeeAll} timeZone={dayTimeZone} />
      {problems.length > 0 ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Some filters were not understood and were ignored: {problems.join("; ")}
        </p>
      ) : null}
      <DataTable
        caption="Audit events"
        testId="audit-table"
        headers={["#", "When", "What happened", "Concerning", "Details"]}
        rows={events.map((stored) => {
          const event = withUserEmail(stored, emails);
          const href = entityHref(event.entityType, event.entityId);
          const label = describeSubject(event);
          return [
            event.id,
            formatDateTime(event.createdAt, timeZone),
            <div key="what">
              <p data-testid="audit-sentence">{describeAuditEvent(event)}</p>
              <code className="text-xs text-slate-500" data-testid="audit-action">{event.action}</code>
            </div>,
            href ? <Link key="entity" href={href} className="underline max-md:py-3">{label}</Link> : label,
            <AuditEventDetails key="details" details={event.details} />,
          ];
        })}
      />
      <div className="flex gap-3">
        {filters.before ? (
          <Link href={auditPageHref(raw)} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
            Newest events
          </Link>
        ) : null}
        {nextBefore ? (
          <Link href={auditPageHref(raw, nextBefore)} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
            Older events
          </Link>
        ) : null}
      </div>
    </main>
  );
}
