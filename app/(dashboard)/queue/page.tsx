import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { DeviceZoneHint } from "@/components/queue/device-zone-hint";
import { EARLY_KEYS_SRC } from "@/components/queue/early-keys";
import { QueueBoard } from "@/components/queue/queue-board";
import { filterQueryString, QueueFilters } from "@/components/queue/queue-filters";
import { QueueLegend } from "@/components/queue/queue-legend";
import { can } from "@/lib/auth/policy";
import { pathWithQuery } from "@/lib/auth/return-path";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { findUndoableBulkRun } from "@/lib/moderation/bulk-run-undo";
import { countQueueTabs } from "@/lib/moderation/count-queue-tabs";
import { emptyQueueMessage } from "@/lib/moderation/empty-queue-message";
import { listQueue } from "@/lib/moderation/list-queue";
import { listQueueFilterOptions } from "@/lib/moderation/list-queue-filter-options";
import { suggestAuthorNames } from "@/lib/moderation/suggest-author-names";
import { parseQueueQuery, queueQueryProblems } from "@/lib/moderation/schemas";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";
import { UTC } from "@/lib/time-zone";
import { isSuggestionModelOn } from "@/lib/suggest/is-suggestion-model-on";

export const metadata: Metadata = { title: "Queue" };

const PAGE_SIZE = 50;

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  // Back to the same tab and filters after signing in: a session ends mid-shift (12 hours after sign-in).
  const user = await requirePagePermission("queue:read", pathWithQuery("/queue", raw));
  const timeZone = await getDisplayTimeZone();
  const { tab, after, ...filters } = parseQueueQuery(raw, timeZone);
  const problems = queueQueryProblems(raw);
  // The live feed starts from before the page's queries, so nothing decided meanwhile is missed.
  const since = new Date().toISOString();
  const canDecide = can(user.role, "comment:decide");
  const [page, counts, options, isModelOn, lastBulkRun] = await Promise.all([
    listQueue({ tab, filters, cursor: after, limit: PAGE_SIZE }),
    countQueueTabs({ fresh: true }),
    listQueueFilterOptions(filters.article),
    isSuggestionModelOn(),
    canDecide ? findUndoableBulkRun(db, user.id) : null,
  ]);
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // Only when an author filter found nothing: the names the moderator may have meant.
  const authorSuggestions = filters.author && page.items.length === 0 ? await suggestAuthorNames(filters.author) : [];
  const filterQuery = filterQueryString(filters);
  return (
    <main className="flex flex-col gap-4">
      {/* Runs before hydration: keys typed while the queue loads are kept for the board (early-keys.ts). */}
      {/* eslint-disable-next-line @next/next/no-sync-scripts -- it must run while the page is still parsing, before React hydrates; it is 300 bytes */}
      <script src={EARLY_KEYS_SRC} nonce={nonce} />
      {/* On a phone the header's Menu says where you are; the first screen is for the first comment. */}
      <h1 className="text-xl font-semibold max-md:sr-only">Moderation queue</h1>
      <DeviceZoneHint shownZone={timeZone} />
      <QueueFilters tab={tab} filters={filters} options={options} isModelOn={isModelOn} timeZone={filters.tz ?? UTC} />
      {problems.length > 0 ? (
        <ul role="alert" data-testid="queue-filter-problems" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {/* On a phone the legend goes below the list: the first screen is for the first comment. */}
      <div className="order-last sm:order-none">
        <QueueLegend />
      </div>
      <QueueBoard
        key={`${tab}?${filterQuery}&${after ?? ""}`}
        items={page.items}
        counts={counts}
        tab={tab}
        filterQuery={filterQuery}
        since={since}
        currentUser={{ id: user.id, email: user.email }}
        canDecide={canDecide}
        timeZone={timeZone}
        lastBulkRun={lastBulkRun}
        emptyMessage={emptyQueueMessage(filters, authorSuggestions)}
        returnPath={pathWithQuery("/queue", raw)}
        nextPageHref={page.nextCursor ? `/queue?tab=${tab}${filterQuery ? `&${filterQuery}` : ""}&after=${page.nextCursor}` : null}
      />
      {authorSuggestions.some((name) => name !== filters.author) ? (
        <ul className="flex flex-wrap gap-2 text-sm" aria-label="Authors whose names start with it" data-testid="author-suggestion-links">
          {authorSuggestions.map((name) => (
            <li key={name}>
              <Link href={`/queue?${filterQueryString({ ...filters, author: name })}&tab=${tab}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 hover:bg-slate-50">
                {name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}
