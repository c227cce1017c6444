import type { ReaderReportList } from "@/lib/reports/queries";
import { formatDateTime } from "@/lib/format";

/** A comment's reader reports, newest first. Readers' notes are untrusted text: rendered as text. */
export function ReaderReportsPanel({ list, timeZone }: { list: ReaderReportList; timeZone: string }) {
  const { reports, total } = list;
  return (
    <section aria-label="Reader reports" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Reader reports</h2>
      {reports.length === 0 ? <p className="mt-2 text-sm text-slate-600">No reader reported it.</p> : null}
      {total > reports.length ? (
        <p data-testid="reader-reports-more" className="mt-2 text-sm text-slate-600">
          The {reports.length.toLocaleString("en-US")} newest of {total.toLocaleString("en-US")} reports.
        </p>
      ) : null}
      <ul className="mt-2 space-y-1 text-sm">
        {reports.map((report) => (
          <li key={report.id} data-testid="reader-report" className="flex flex-wrap gap-x-2">
            <span className="font-medium">{report.reason}</span>
            <span className="text-slate-600">{report.isTally ? `${report.count}× (the site's tally)` : "one reader"}</span>
            <span className="text-slate-500">
              via {report.source}, {formatDateTime(report.receivedAt, timeZone)}
            </span>
            {report.note ? <span className="comment-text text-slate-700">“{report.note}”</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
