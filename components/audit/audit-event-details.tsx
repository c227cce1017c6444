import { displayRest, displayValue, viewDetails, type FieldChange } from "@/lib/audit/diff-details";

// An event's details, expanded on demand. Values are rendered as React text: details can hold
// comment text and other untrusted strings.

const CHANGE_STYLE: Record<FieldChange, string> = {
  added: "bg-emerald-50",
  removed: "bg-rose-50",
  changed: "bg-amber-50",
  unchanged: "text-slate-500",
};

export function AuditEventDetails({ details }: { details: unknown }) {
  const { diff, rest } = viewDetails(details);
  const hasRest = Object.keys(rest).length > 0;
  return (
    <details data-testid="audit-details">
      <summary className="cursor-pointer text-slate-500">show</summary>
      <div className="mt-2 max-w-xl space-y-2">
        {diff ? (
          <table className="w-full text-xs" data-testid="audit-diff">
            <caption className="sr-only">Changes</caption>
            <thead>
              <tr className="text-left text-slate-500">
                <th scope="col" className="pr-2 font-medium">Field</th>
                <th scope="col" className="pr-2 font-medium">Before</th>
                <th scope="col" className="font-medium">After</th>
              </tr>
            </thead>
            <tbody>
              {diff.map((entry) => (
                <tr key={entry.field} className={CHANGE_STYLE[entry.change]} data-change={entry.change}>
                  <th scope="row" className="pr-2 text-left align-top font-mono font-normal">{entry.field}</th>
                  <td className="pr-2 align-top break-all">{entry.change === "added" ? "—" : entry.change === "unchanged" ? displayValue(entry.before) : <del>{displayValue(entry.before)}</del>}</td>
                  <td className="align-top break-all">{entry.change === "removed" ? "—" : entry.change === "unchanged" ? displayValue(entry.after) : <ins className="no-underline">{displayValue(entry.after)}</ins>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {hasRest || !diff ? <pre className="overflow-x-auto text-xs whitespace-pre-wrap">{displayRest(rest)}</pre> : null}
      </div>
    </details>
  );
}
