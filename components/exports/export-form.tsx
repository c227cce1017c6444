import { EXPORT_FORMATS } from "@/lib/export/export-formatter";
import type { ArticleChoice } from "@/lib/export/queries";
import { DayZone } from "@/components/ui/day-zone";

// A plain GET form to the export route: the browser downloads the streamed response itself (no
// JavaScript holds the file in memory), and the query string is the same as the API's. The days are
// the reader's: the form sends their zone as `tz` (the API's own default stays UTC).

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function ExportForm({ articles, moderatorEmails, timeZone }: { articles: ArticleChoice[]; moderatorEmails: string[]; timeZone: string }) {
  return (
    <form id="export-form" method="get" action="/api/v1/decisions" className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-3" aria-label="Export decisions">
      <label className="text-sm font-medium text-slate-700">
        Format
        <select name="format" defaultValue="csv" className={inputClass}>
          {EXPORT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {format === "csv" ? "CSV (spreadsheets)" : format === "json" ? "JSON (one array)" : "JSONL (one object per line)"}
            </option>
          ))}
        </select>
      </label>
      <input type="hidden" name="tz" value={timeZone} />
      <label className="text-sm font-medium text-slate-700">
        Decided from <DayZone timeZone={timeZone} />
        <input name="since" type="date" className={inputClass} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        Decided to <DayZone timeZone={timeZone} included />
        <input name="until" type="date" className={inputClass} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        Article id
        <input name="article" type="number" min={1} list="export-articles" placeholder="all articles" className={inputClass} />
        <datalist id="export-articles">
          {articles.map((article) => (
            <option key={article.id} value={article.id}>
              {article.title}
            </option>
          ))}
        </datalist>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Moderator
        <select name="moderator" defaultValue="" className={inputClass}>
          <option value="">anyone</option>
          <option value="system">system (auto-hide rules)</option>
          {moderatorEmails.map((email) => (
            <option key={email} value={email}>
              {email}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 self-end text-sm text-slate-700">
        <input name="bom" type="checkbox" value="1" />
        UTF-8 with BOM (for Excel)
      </label>
      <div className="col-span-2 md:col-span-3">
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
          Download export
        </button>
      </div>
    </form>
  );
}
