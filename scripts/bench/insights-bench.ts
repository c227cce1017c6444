// Insights dashboard data at scale: N comments over the last 365 days (1,000,000 full / 50,000
// quick) with flags, decisions by 20 moderators and auto-hides, generated in SQL; then the page's
// data (range resolution + every insight query, side by side as the page runs them) timed 50 times.
// The seeding marks every day dirty (its triggers); the insights-rollup job's refresh of the past
// days is then timed on its own, as the job would run it. The last three days stay live, as on a real site.
// Run: npm run bench -- insights [--quick]
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pgConfigFromUrl } from "@/lib/db/connection-url";
import { percentile, tailLabel } from "../lib/timing";
import { seedInParallel } from "./seed-in-parallel";
import { withIndexesDeferred } from "./with-indexes-deferred";
import { prepareWorkingDesk } from "./working-desk";

type Figures = Record<string, number>;

const RUNS = 50;
const WIDE_RUNS = 10;
const RULES = 12; // the last one never fires
const MODERATORS = 20;
const BATCH = 50_000;
/** Before each timed load: decisions on pending comments of today and yesterday, and new comments. */
export const WORKING_DESK = { decisions: 20, comments: 10 } as const;

const round = (value: number) => Math.round(value * 10) / 10;

export async function loadInsightsBenchData(client: pg.Client, databaseUrl: string, count: number, stamp: string): Promise<number> {
  const started = performance.now();
  const categories = ["ABUSIVE", "SPAM", "NATIONALIST", "OFF_TOPIC"];
  for (let r = 0; r < RULES; r++) {
    await client.query(`INSERT INTO rule (name, category, kind, config, severity, "updatedAt") VALUES ($1, $2, 'TERMS', '{"terms":["bench"]}', 3, now())`, [`bench-${stamp}-${r}`, categories[r % 4]]);
  }
  const moderators = Array.from({ length: MODERATORS }, (_, index) => `bench-${stamp}-mod-${index}`);
  await client.query(`INSERT INTO "user" (id, name, email, role, "updatedAt") SELECT m, m, m || '@bench.local', 'moderator', now() FROM unnest($1::text[]) m`, [moderators]);
  const articles = Math.max(1, Math.floor(count / 40));
  const firstArticle = (
    await client.query<{ id: number }>(`INSERT INTO article (key, title) SELECT 'bench-${stamp}-' || a, 'Bench article ' || a FROM generate_series(1, $1::int) a RETURNING id`, [articles])
  ).rows[0]!.id;
  // h gives each comment independent-looking digits: a → flagged, b → status, c → who decided.
  await withIndexesDeferred(client, ["comment"], () =>
    seedInParallel(databaseUrl, count, BATCH, (rangeClient, low, high) =>
      rangeClient.query(
          `INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", body, "postedAt", "createdAt", status, priority, "decidedAt", "decidedById")
           SELECT $1::int + (g % $2::int), 'bench', 'bench:${stamp}:' || g, md5(g::text), 'bench comment ' || g, posted,
                  posted + (h % 60) * interval '1 minute', status::"CommentStatus", CASE WHEN flagged THEN 40 ELSE 0 END,
                  CASE WHEN status <> 'PENDING' THEN posted + interval '5 minutes' + ((h / 1000000) % 2880) * interval '1 minute' END,
                  CASE WHEN status <> 'PENDING' AND NOT (flagged AND status = 'HIDDEN' AND (h / 10000) % 100 < 10) THEN ($3::text[])[1 + (h / 10000) % ${MODERATORS}] END
           FROM (
             SELECT g, h, flagged, posted,
                    CASE WHEN posted > (now() AT TIME ZONE 'UTC') - interval '2 days' AND (h / 100) % 100 < 50 THEN 'PENDING'
                         WHEN flagged AND (h / 100) % 100 < 65 THEN 'HIDDEN'
                         WHEN flagged AND (h / 100) % 100 < 90 THEN 'APPROVED'
                         WHEN NOT flagged AND (h / 100) % 100 < 8 THEN 'HIDDEN'
                         WHEN NOT flagged AND (h / 100) % 100 < 92 THEN 'APPROVED'
                         ELSE 'PENDING' END AS status
             FROM (
               SELECT g, (g::bigint * 2654435761 % 4294967291) AS h,
                      (g::bigint * 2654435761 % 4294967291) % 100 < 25 AS flagged,
                      (now() AT TIME ZONE 'UTC') - ((${count} - g)::float8 / ${count}) * interval '365 days' AS posted
               FROM generate_series($4::int, $5::int) g
             ) raw
           ) s`,
          [firstArticle, articles, moderators, low, high],
      ),
    ),
  );
  await client.query(
    `INSERT INTO flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason)
     SELECT c.id, r.id, 1, r.category, 0.8, '[]'::jsonb, 'bench'
     FROM comment c JOIN rule r ON r.name = 'bench-${stamp}-' || (c.id % ${RULES - 1})
     WHERE c.source = 'bench' AND c.priority > 0
     UNION ALL
     SELECT c.id, r.id, 1, r.category, 0.6, '[]'::jsonb, 'bench'
     FROM comment c JOIN rule r ON r.name = 'bench-${stamp}-' || ((c.id + 1 + c.id % 5) % ${RULES - 1})
     WHERE c.source = 'bench' AND c.priority > 0 AND c.id % 10 < 3`,
  );
  await client.query(
    `INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, "moderatorId", "createdAt")
     SELECT id, (CASE WHEN status = 'HIDDEN' THEN 'HIDE' ELSE 'APPROVE' END)::"DecisionAction", 'PENDING', status,
            CASE WHEN status = 'HIDDEN' THEN ((ARRAY['ABUSIVE', 'SPAM', 'NATIONALIST', 'OFF_TOPIC', 'OTHER'])[1 + id % 5])::"ReasonCategory" END,
            "decidedById", "decidedAt"
     FROM comment WHERE source = 'bench' AND status <> 'PENDING'`,
  );
  await client.query("VACUUM ANALYZE");
  return (performance.now() - started) / 1000;
}


/**
 * The insights page's figures computed straight from the comments, as before the day summaries:
 * the same figures as the page (posting day for the queue, flags and articles; decision day for
 * latency, reasons and moderators), from range scans of comment.
 */
async function directQueries(): Promise<(range: import("@/lib/insights/date-range").DateRange) => Promise<unknown>> {
  const { getQueueOverTime } = await import("@/lib/insights/queue-over-time");
  const { getFlagInsights } = await import("@/lib/insights/flag-insights");
  const { getArticleInsights } = await import("@/lib/insights/article-insights");
  const { getDecisionsMadeInRange } = await import("@/lib/insights/decisions-made-in-range");
  return (range) => Promise.all([getQueueOverTime(range), getFlagInsights(range), getArticleInsights(range), getDecisionsMadeInRange(range, { withModerators: true })]);
}

export async function runInsightsBench(opts: { quick: boolean; databaseUrl: string }): Promise<{ name: string; lines: string[]; figures: Figures }> {
  if (opts.databaseUrl) process.env.DATABASE_URL = opts.databaseUrl;
  const count = opts.quick ? 50_000 : 1_000_000;
  const client = new pg.Client(pgConfigFromUrl(opts.databaseUrl || process.env.DATABASE_URL || ""));
  await client.connect();
  const loadSeconds = await loadInsightsBenchData(client, opts.databaseUrl || process.env.DATABASE_URL || "", count, randomBytes(3).toString("hex"));
  const counts = (await client.query<{ flags: number; decisions: number }>(`SELECT (SELECT count(*) FROM flag)::int AS flags, (SELECT count(*) FROM decision)::int AS decisions`)).rows[0]!;
  await client.end();

  const settings = { runs: RUNS, wideRuns: WIDE_RUNS };
  const figures: Figures = { comments: count, flags: counts.flags, decisions: counts.decisions, load_s: round(loadSeconds), ...(await measureInsights(settings)) };
  const dataLine = `${count.toLocaleString("en")} comments over 365 days (25% flagged), ${counts.flags.toLocaleString("en")} flags, ${counts.decisions.toLocaleString("en")} decisions, generated in SQL in ${figures.load_s} s`;
  return { name: "insights", lines: insightsLines(figures, { ...settings, dataLine }), figures };
}

export interface InsightsMeasureSettings {
  runs: number;
  wideRuns: number;
}

/** The rollup's refresh of every dirty day, then the page's data by range, next to the direct queries. */
export async function measureInsights(settings: InsightsMeasureSettings): Promise<Figures> {
  // Imported after DATABASE_URL is set: the domain modules open their pool on first use.
  const { resolveDateRange } = await import("@/lib/insights/resolve-date-range");
  const { loadInsights } = await import("@/lib/insights/load-insights");
  const { refreshInsightsRollup } = await import("@/lib/insights/refresh-insights-rollup");
  const refreshStarted = performance.now();
  const refresh = await refreshInsightsRollup();
  const refreshSeconds = (performance.now() - refreshStarted) / 1000;
  const pageData = async (request: Parameters<typeof resolveDateRange>[0]) => loadInsights(await resolveDateRange(request), { withModerators: true });

  // Baseline: the same figures from the direct queries over the comments (no rollup), run in
  // parallel as the page runs its own, after the same range resolution and with the same model
  // status read, so both sides do the page's whole work; the rollup's exactness against them is a
  // db test. Same warm-up and runs, alternated (who goes first alternates too) so drifting load
  // falls on both alike and both p95s are the same rank.
  const direct = await directQueries();
  const { getModelStatus } = await import("@/lib/suggest/get-model-status");
  const directData = async (request: Parameters<typeof resolveDateRange>[0]) => {
    const range = await resolveDateRange(request);
    return Promise.all([direct(range), getModelStatus()]);
  };
  // A desk at work: decisions and new comments land in the live days before every load, and the
  // job's fold (every 15 s) does not run between the timed loads, so each load applies every
  // change since the refresh above: the live days are never the cheap, just-folded case.
  const { db } = await import("@/lib/db/client");
  const deskStep = await prepareWorkingDesk(db, WORKING_DESK);
  const failed = { count: 0 };
  const baselineFailed = { count: 0 };
  // The first load of this process holds nothing yet (the stored days' bytes and the articles
  // block's sum are kept per process, read-day-summaries.ts, article-figures.ts): it is what a
  // moderator waits for after a deploy or restart, so it is timed and printed on its own, and not
  // counted with the warmed runs. The baseline's first load is timed the same way.
  const firstLoad: number[] = [];
  const directFirstLoad: number[] = [];
  await timedOrTimeout(firstLoad, failed, () => pageData({ kind: "default" }));
  await timedOrTimeout(directFirstLoad, baselineFailed, () => directData({ kind: "default" }));
  for (let i = 0; i < 2; i++) {
    await orTimeout(failed, () => pageData({ kind: "default" }));
    await orTimeout(baselineFailed, () => directData({ kind: "default" }));
  }
  const recent: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < settings.runs; i++) {
    await deskStep();
    const ours = () => timedOrTimeout(recent, failed, () => pageData({ kind: "default" }));
    const theirs = () => timedOrTimeout(baseline, baselineFailed, () => directData({ kind: "default" }));
    if (i % 2 === 0) await ours().then(theirs);
    else await theirs().then(ours);
  }
  const sample = await orTimeout(failed, () => pageData({ kind: "default" }));
  const inRange = (sample?.queue ?? []).reduce((total, point) => total + point.posted, 0);

  const quarter: number[] = [];
  for (let i = 0; i < settings.wideRuns; i++) await timedOrTimeout(quarter, failed, () => pageData({ kind: "last", days: 90 }));
  const allTime: number[] = [];
  for (let i = 0; i < settings.wideRuns; i++) await timedOrTimeout(allTime, failed, () => pageData({ kind: "all" }));

  return {
    rollup_refresh_s: round(refreshSeconds),
    rollup_days: refresh.refreshed,
    comments_in_default_range: inRange,
    page_data_first_ms: round(firstLoad[0]!),
    direct_first_ms: round(directFirstLoad[0]!),
    page_data_p50_ms: round(percentile(recent, 50)),
    page_data_p95_ms: round(percentile(recent, 95)),
    direct_p50_ms: round(percentile(baseline, 50)),
    direct_p95_ms: round(percentile(baseline, 95)),
    page_data_90d_p50_ms: round(percentile(quarter, 50)),
    page_data_all_time_p50_ms: round(percentile(allTime, 50)),
    timed_out: failed.count,
    baseline_timed_out: baselineFailed.count,
  };
}

/**
 * A load whose batch transaction (the decision figures' SET LOCAL work_mem + query) outruns
 * Prisma's 5 s default fails with P2028, as the page would: counted, not fatal to the bench.
 */
async function orTimeout<T>(failed: { count: number }, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code !== "P2028") throw error;
    failed.count += 1;
    return null;
  }
}

async function timedOrTimeout(samples: number[], failed: { count: number }, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await orTimeout(failed, work);
  samples.push(performance.now() - started);
}

/** The insights figures as the lines BENCHMARKS.md prints, the target with ok or MISSED. */
export function insightsLines(figures: Figures, settings: InsightsMeasureSettings & { dataLine: string }): string[] {
  // Fewer than 20 runs (the scale bench's): the "p95" is the slowest run, named so.
  const tail = tailLabel(settings.runs);
  const wide = settings.wideRuns === 1 ? "one run):" : `n=${settings.wideRuns}): p50`;
  return [
    settings.dataLine,
    `day summaries: first refresh of ${figures.rollup_days} past posted and decision days (the insights-rollup job) in ${figures.rollup_refresh_s} s; today, yesterday and the day before (posted and decision days): the job's folded rows plus the changes since, on every load`,
    `a working desk: before each 30-day load, ${WORKING_DESK.decisions} decisions on pending comments of today and yesterday and ${WORKING_DESK.comments} new comments, none folded between the timed loads (up to ${settings.runs * WORKING_DESK.decisions} decisions and ${settings.runs * WORKING_DESK.comments} comments by the last load; the job folds every 15 s)`,
    `page data, default range (last 30 days, ${figures.comments_in_default_range!.toLocaleString("en")} comments; range resolution, day summaries, model status), n=${settings.runs}: p50 ${figures.page_data_p50_ms} ms  ${tail} ${figures.page_data_p95_ms} ms   target p95 < 200 ms: ${figures.page_data_p95_ms! < 200 ? "ok" : "MISSED"}`,
    `baseline: the same figures by direct queries of the comments (no day summaries), the same range resolution and model status, n=${settings.runs}, alternated with ours: p50 ${figures.direct_p50_ms} ms  ${tail} ${figures.direct_p95_ms} ms${figures.baseline_timed_out ? ` (${figures.baseline_timed_out} failed at Prisma's 5 s transaction timeout, counted at the time they failed)` : ""}; direct ÷ rollup: p50 ${round(figures.direct_p50_ms! / figures.page_data_p50_ms!)}x, ${tail} ${round(figures.direct_p95_ms! / figures.page_data_p95_ms!)}x (above 1: the direct queries are slower)`,
    `  first load of this process, before the warm-up (nothing held yet: the stored days' bytes and the articles block's sum are kept per process): ${figures.page_data_first_ms} ms; the baseline's first load ${figures.direct_first_ms} ms (no target; the timed runs above come after two more loads each)`,
    `  last 90 days (${wide} ${figures.page_data_90d_p50_ms} ms;  all time (${wide} ${figures.page_data_all_time_p50_ms} ms (no target: a deliberate wide query)`,
    ...(figures.timed_out
      ? [`  ${figures.timed_out} load(s) failed, target MISSED: a decision-figure transaction outran Prisma's 5 s transaction timeout (P2028); each counted above at the time it failed, so those figures are lower bounds`]
      : []),
  ];
}
