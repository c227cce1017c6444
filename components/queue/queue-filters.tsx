import Link from "next/link";
import { AuthorField } from "./author-field";
import { FiltersDisclosure } from "./filters-disclosure";
import { DayZone } from "@/components/ui/day-zone";
import { FILTER_CATEGORIES, type QueueFilters as Filters, type QueueTab } from "@/lib/moderation/schemas";

interface Options {
  articles: { id: number; title: string }[];
  hasOlderArticles: boolean;
  rules: { id: number; name: string }[];
}

const field = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** A plain GET form: every filter lives in the URL, so a reload or a shared link shows the same queue. */
/** `timeZone`: the zone From and To are days in (the URL's `tz`, else the reader's), sent with the form. */
export function QueueFilters({ tab, filters, options, isModelOn, timeZone }: { tab: QueueTab; filters: Filters; options: Options; isModelOn: boolean; timeZone: string }) {
  return (
    <FiltersDisclosure activeCount={activeFilterCount(filters)}>
      <form method="get" action="/queue" role="search" aria-label="Filter the queue" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <input type="hidden" name="tab" value={tab} />
        <input type="hidden" name="tz" value={timeZone} />
        <label className="grow">
          <span className="font-medium text-slate-700">Search</span>
          <input id="queue-search" name="q" type="search" defaultValue={filters.q ?? ""} placeholder='words, "a phrase", -without' className={`${field} w-full`} />
        </label>
        <label>
          <span className="font-medium text-slate-700">Article</span>
          <select name="article" defaultValue={filters.article ?? ""} className={`${field} max-w-56`}>
            <option value="">Any article</option>
            {options.articles.map((article) => (
              <option key={article.id} value={article.id}>
                {article.title}
              </option>
            ))}
            {options.hasOlderArticles ? (
              <option disabled value="older">
                Older articles: “open in the queue” on the article’s page
              </option>
            ) : null}
          </select>
        </label>
        <label>
          <span className="font-medium text-slate-700">Category</span>
          <select name="category" defaultValue={filters.category ?? ""} className={field}>
            <option value="">Any</option>
            {FILTER_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {category.toLowerCase().replace("_", "-")}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="font-medium text-slate-700">Rule</span>
          <select name="rule" defaultValue={filters.rule ?? ""} className={`${field} max-w-48`}>
            <option value="">Any rule</option>
            {options.rules.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.name}
              </option>
            ))}
          </select>
        </label>
        <label className="self-center pt-5">
          <input type="checkbox" name="unscored" value="1" defaultChecked={filters.unscored === "1"} /> Not scored yet
        </label>
        <label>
          <span className="font-medium text-slate-700">Author</span>
          <AuthorField defaultValue={filters.author ?? ""} className={`${field} w-36`} />
        </label>
        <label>
          <span className="font-medium text-slate-700">
            From <DayZone timeZone={timeZone} />
          </span>
          <input name="from" type="date" defaultValue={filters.from ?? ""} className={field} />
        </label>
        <label>
          <span className="font-medium text-slate-700">
            To <DayZone timeZone={timeZone} included />
          </span>
          <input name="to" type="date" defaultValue={filters.to ?? ""} className={field} />
        </label>
        <label>
          <span className="font-medium text-slate-700">Sort</span>
          <select name="sort" defaultValue={filters.sort ?? ""} className={field}>
            <option value="">Queue order</option>
            {/* Offered only while the suggestion model is on; a link that asks for it still shows what it asked. */}
            {isModelOn || filters.sort === "suggestion" ? <option value="suggestion">Most likely hidden first{isModelOn ? "" : " (model off)"}</option> : null}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white">
          Filter
        </button>
        <Link href={`/queue?tab=${tab}`} className="py-2 text-slate-600 underline">
          Clear
        </Link>
      </form>
    </FiltersDisclosure>
  );
}

/** How many filters narrow the queue (the sort order is not a filter). */
export function activeFilterCount(filters: Filters): number {
  return Object.entries(filters).filter(([key, value]) => key !== "sort" && key !== "tz" && value !== undefined && value !== "").length;
}

/** The filters as a query string (empty ones left out), for tab links and the next-page link. */
export function filterQueryString(filters: Filters): string {
  const params = new URLSearchParams();
  // The zone matters only with a day filter; without one it would only make equal views look different.
  const hasDays = Boolean(filters.from || filters.to);
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== "" && (key !== "tz" || hasDays) && key !== "authorNames") params.set(key, String(value));
  return params.toString();
}
