import type { Metadata } from "next";
import { DsaSettingsForm } from "@/components/dsa/dsa-settings-form";
import { can } from "@/lib/auth/policy";
import { requirePagePermission } from "@/lib/auth/session";
import { countHideDecisions, getDsaSettings } from "@/lib/dsa/queries";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";
import { DayZone } from "@/components/ui/day-zone";

export const metadata: Metadata = { title: "DSA statements" };

export default async function DsaPage() {
  const user = await requirePagePermission("exports:run", "/dsa");
  const [settings, hides, timeZone] = await Promise.all([getDsaSettings(), countHideDecisions(), getDisplayTimeZone()]);
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Statements of reasons (DSA)</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Every hide gets a statement of reasons under Article 17 of the Digital Services Act: what was restricted and where, on which ground, the facts, whether automated means detected or
          decided it (a rule flag, an auto-hide rule), and how to contest it. Moddesk writes them from the decision, its reason, its note and the comment&apos;s flags; the settings below fill in what a
          decision cannot say. Each hidden comment&apos;s page shows the notice for its author.
        </p>
      </div>
      <section aria-label="Download statements" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="font-semibold">Statements for the Transparency Database</h2>
        <p className="text-sm text-slate-600">
          {hides.toLocaleString("en")} hide decision{hides === 1 ? "" : "s"} so far. The database&apos;s multi-statement API call takes at most 100 statements: &ldquo;Calls of 100, one a line&rdquo; gives one call&apos;s body per line, ready to send; the JSON file is one call&apos;s body while it holds 100 or fewer; JSON lines (one statement per line) suit a pipeline that makes its own batches.
          Statements are checked against the database&apos;s field list first; one it would refuse is left out and named in the audit log.
        </p>
        <form method="get" action="/api/v1/dsa/statements" className="flex flex-wrap items-end gap-3 text-sm">
          <input type="hidden" name="tz" value={timeZone} />
          <label>
            <span className="block font-medium text-slate-700">
              Decided since <DayZone timeZone={timeZone} />
            </span>
            <input type="date" name="since" className="mt-1 rounded-md border border-slate-300 px-2 py-2" />
          </label>
          <label>
            <span className="block font-medium text-slate-700">
              until <DayZone timeZone={timeZone} included />
            </span>
            <input type="date" name="until" className="mt-1 rounded-md border border-slate-300 px-2 py-2" />
          </label>
          <label className="min-w-0 max-w-full">
            <span className="block font-medium text-slate-700">Format</span>
            <select name="format" className="mt-1 max-w-full rounded-md border border-slate-300 px-2 py-2">
              <option value="batches">Calls of 100, one a line</option>
              <option value="json">JSON (statements array)</option>
              <option value="jsonl">JSON lines (one statement each)</option>
            </select>
          </label>
          <button type="submit" className="min-h-11 rounded-md bg-slate-900 px-4 py-2 font-semibold text-white">
            Download statements
          </button>
        </form>
        <p className="text-sm text-slate-600">
          From a script: <code>GET /api/v1/dsa/statements?format=jsonl&amp;since=2026-11-01</code> with an API token, or <code>npm run moddesk -- dsa statements --format jsonl --since 2026-11-01</code>.
        </p>
      </section>
      <DsaSettingsForm settings={settings} canEdit={can(user.role, "dsa:manage")} />
    </main>
  );
}
