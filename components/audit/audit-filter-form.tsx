import Link from "next/link";
import type { RawAuditFilters } from "@/lib/audit/schemas";
import { DayZone } from "@/components/ui/day-zone";

// A plain GET form: the filters live in the URL, so a view can be bookmarked and shared.

const ENTITY_TYPES = ["comment", "rule", "user", "import_batch", "api_token", "export"];
const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** A date input shows only the day part of what was typed (a full date-time filter stays in the URL). */
function dayOf(value: string | undefined): string {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : "";
}

/** `timeZone`: the zone the days are read in (the URL's `tz`, else the reader's), sent back with the form. */
export function AuditFilterForm({ raw, actions, canSeeAll, timeZone }: { raw: RawAuditFilters; actions: string[]; canSeeAll: boolean; timeZone: string }) {
  return (
    <form method="get" action="/audit" className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-4" aria-label="Filter the audit log">
      <label className="text-sm font-medium text-slate-700">
        Actor (email)
        <input name="actor" type="text" defaultValue={raw.actor ?? ""} placeholder="someone@example.com" className={inputClass} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        Action
        <input name="action" type="text" list="audit-actions" defaultValue={raw.action ?? ""} placeholder="comment.hide" className={inputClass} />
        <datalist id="audit-actions">
          {actions.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Entity type
        <select name="entityType" defaultValue={raw.entityType ?? ""} className={inputClass}>
          <option value="">any</option>
          {(canSeeAll ? ENTITY_TYPES : ["comment"]).map((type) => (
            <option key={type} value={type}>
              {type.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Entity id
        <input name="entityId" type="text" defaultValue={raw.entityId ?? ""} className={inputClass} />
      </label>
      <input type="hidden" name="tz" value={timeZone} />
      <label className="text-sm font-medium text-slate-700">
        From <DayZone timeZone={timeZone} />
        <input name="since" type="date" defaultValue={dayOf(raw.since)} className={inputClass} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        To <DayZone timeZone={timeZone} included />
        <input name="until" type="date" defaultValue={dayOf(raw.until)} className={inputClass} />
      </label>
      <div className="col-span-2 flex items-end gap-3">
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
          Filter
        </button>
        <Link href="/audit" className="text-sm text-slate-600 underline max-md:inline-flex max-md:min-h-11 max-md:items-center">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
