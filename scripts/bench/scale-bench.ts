// `npm run bench -- --scale 1m,3m,10m`: one database grown to each size in turn (scale-seed.ts),
// and at each size the queue (queue-measure.ts: the page, a deep keyset page, search, decisions,
// concurrent moderators), the other tabs and filters, insights (the rollup refresh and the page
// data by range) and the disk each table and its indexes take. The figures at the first size are
// the in-run baseline of the others; the growth table at the end divides the last by the first.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pgConfigFromUrl } from "@/lib/db/connection-url";
import { insightsLines, measureInsights } from "./insights-bench";
import { tailLabel } from "../lib/timing";
import { measureQueue, queueLines } from "./queue-measure";
import { prepareScaleData, growScaleData, type ScaleData } from "./scale-seed";
import { diskFigures, diskLines } from "./scale-disk";
import { measureTabsAndFilters, TAB_RUNS, tabsAndFiltersLines } from "./scale-tabs";

type Figures = Record<string, number>;

// Fewer runs than the 1M sections: at 10M one insights load or count scan takes seconds.
const QUEUE_SETTINGS = { requests: 100, baselineRequests: 5, concurrentSeconds: 20 };
const INSIGHTS_SETTINGS = { runs: 10, wideRuns: 1 };
const QUICK_SIZES = [20_000, 60_000];

/** The figures the growth table follows, with their labels. */
const GROWTH: [string, string][] = [
  ["load_s", "seeding this step, s"],
  ["queue_page_p95_ms", "queue page (Flagged, whole server work) p95, ms"],
  ["flagged_first_page_p95_ms", "first page alone p95, ms"],
  ["page_10k_deep_p95_ms", "page 10,000 deep p95, ms"],
  ["offset_page_p95_ms", `  baseline OFFSET 10000 ${tailLabel(QUEUE_SETTINGS.baselineRequests)}, ms`],
  ["tab_counts_p95_ms", "tab counts (trigger-kept) p95, ms"],
  ["scanned_counts_p95_ms", `  baseline count scan ${tailLabel(QUEUE_SETTINGS.baselineRequests)}, ms`],
  ["tabs_worst_p95_ms", `other tabs and filters, worst ${tailLabel(TAB_RUNS)}, ms`],
  ["fts_search_p50_ms", "search p50, ms"],
  ["fts_search_p95_ms", "search p95, ms"],
  ["naive_search_p95_ms", "  baseline plain search p95, ms"],
  ["decision_p95_ms", "one decision p95, ms"],
  ["first_version_p95_ms", "  baseline first-version decision p95, ms"],
  ["concurrent_p50_ms", "20 moderators: decision p50, ms"],
  ["concurrent_p95_ms", "20 moderators: decision p95, ms"],
  ["decisions_per_s", "20 moderators: decisions/s"],
  ["rollup_refresh_s", "insights rollup refresh (all past days), s"],
  ["comments_in_default_range", "comments in the last 30 days"],
  ["page_data_p95_ms", `insights page data, 30 days, ${tailLabel(INSIGHTS_SETTINGS.runs)}, ms`],
  ["direct_p95_ms", `  baseline direct queries ${tailLabel(INSIGHTS_SETTINGS.runs)}, ms`],
  ["page_data_first_ms", "insights 30 days, first load of the process (nothing held), ms"],
  ["direct_first_ms", "  baseline direct queries, first load, ms"],
  ["page_data_90d_p50_ms", `insights 90 days${INSIGHTS_SETTINGS.wideRuns === 1 ? ", one run" : " p50"}, ms`],
  ["page_data_all_time_p50_ms", `insights all time${INSIGHTS_SETTINGS.wideRuns === 1 ? ", one run" : " p50"}, ms`],
  ["timed_out", "insights loads failed (5 s transaction timeout)"],
  ["database_mb", "database size, MB"],
  ["mb_per_million", "database MB per million comments"],
];

const round = (value: number) => Math.round(value * 100) / 100;

export async function runScaleBench(opts: { quick: boolean; databaseUrl: string; sizes?: number[] }): Promise<{ name: string; lines: string[]; figures: Figures }> {
  const databaseUrl = opts.databaseUrl || process.env.DATABASE_URL || "";
  process.env.DATABASE_URL = databaseUrl;
  const sizes = opts.quick ? QUICK_SIZES : (opts.sizes ?? [1_000_000, 3_000_000, 10_000_000]);
  const client = new pg.Client(pgConfigFromUrl(databaseUrl));
  await client.connect();
  const data = await prepareScaleData(client, randomBytes(3).toString("hex"), sizes.at(-1)!);
  const lines: string[] = [];
  const bySize: Figures[] = [];
  let seeded = 0;
  for (const size of sizes) {
    // Progress on stderr (stdout's last line is the result): a 10M step runs for many minutes.
    process.stderr.write(`scale: ${new Date().toISOString()} growing to ${label(size)} comments, then measuring\n`);
    const figures = await measureAtSize(client, databaseUrl, data, seeded, size);
    seeded = size;
    bySize.push(figures);
    const measured = sizeLines(figures, data);
    // Each size's lines as soon as they exist: a run stopped during the next step keeps them.
    process.stderr.write(`${measured.join("\n")}\n`);
    lines.push(...measured);
  }
  await client.end();
  lines.push("", `growth (${sizes.map(label).join(" → ")}; last ÷ first):`, ...growthTable(sizes, bySize));
  const last = bySize.at(-1) ?? {};
  return { name: "scale", lines, figures: last };
}

async function measureAtSize(client: pg.Client, databaseUrl: string, data: ScaleData, from: number, size: number): Promise<Figures> {
  const loadSeconds = await growScaleData(client, databaseUrl, data, from, size);
  process.stderr.write(`scale: ${new Date().toISOString()} ${label(size)} seeded in ${Math.round(loadSeconds)} s\n`);
  const counts = (await client.query<{ flags: number; decisions: number }>(`SELECT (SELECT count(*) FROM flag)::int AS flags, (SELECT count(*) FROM decision)::int AS decisions`)).rows[0]!;
  const disk = await diskFigures(client, size);
  // Insights first: the queue's decisions would otherwise leave today's rollup days dirty for it.
  const insights = await measureInsights(INSIGHTS_SETTINGS);
  const tabs = await measureTabsAndFilters(data);
  // Twenty moderators, as the 1M queue bench has.
  const queue = await measureQueue(client, data.moderatorIds.slice(0, 20), QUEUE_SETTINGS);
  return { comments: size, flags: counts.flags, decisions: counts.decisions, load_s: round(loadSeconds), ...disk, ...insights, ...tabs, ...queue };
}

function sizeLines(figures: Figures, data: ScaleData): string[] {
  const size = figures.comments!;
  const dataLine = `${size.toLocaleString("en")} comments over 365 days on ${data.articles.toLocaleString("en")} articles (25% flagged), ${figures.flags!.toLocaleString("en")} flags, ${figures.decisions!.toLocaleString("en")} decisions and their audit events; this step seeded in ${figures.load_s} s`;
  return [
    "",
    `--- ${label(size)} comments ---`,
    dataLine,
    ...queueLines(figures, { ...QUEUE_SETTINGS, dataLine: "queue" }),
    ...tabsAndFiltersLines(figures),
    ...insightsLines(figures, { ...INSIGHTS_SETTINGS, dataLine: "insights (the same comments)" }),
    ...diskLines(figures),
  ];
}

function growthTable(sizes: number[], bySize: Figures[]): string[] {
  const header = `${"".padEnd(46)}${sizes.map((size) => label(size).padStart(10)).join("")}${"last÷first".padStart(12)}`;
  const rows = GROWTH.map(([key, name]) => {
    const values = bySize.map((figures) => figures[key] ?? Number.NaN);
    const growth = values.at(-1)! / Math.max(values[0]!, 0.001);
    return `${name.padEnd(46)}${values.map((value) => String(round(value)).padStart(10)).join("")}${`${round(growth)}x`.padStart(12)}`;
  });
  return [header, ...rows];
}

export function label(size: number): string {
  if (size >= 1_000_000 && size % 1_000_000 === 0) return `${size / 1_000_000}M`;
  if (size >= 1_000 && size % 1_000 === 0) return `${size / 1_000}k`;
  return String(size);
}
