// The queue measurements on a seeded database (the queue bench's million pending comments, or the
// scale bench's year of comments at each size): server time of the domain functions themselves
// (no HTTP), each next to the plain SQL a first version would write, then moderators deciding
// overlapping comments at once, checked for lost or double decisions.
import pg from "pg";
import { pgConfigFromUrl } from "@/lib/db/connection-url";
import { percentile, tailLabel, timed } from "../lib/timing";
import { WORDS } from "./bench-words";
import { firstVersionDecision } from "./first-version-decision";
import type { CommentRow } from "@/lib/moderation/load-queue-items";

type Figures = Record<string, number>;

export interface QueueMeasureSettings {
  /** Timed calls of each domain function. */
  requests: number;
  /** Runs of each plain-SQL baseline (a count scan of every comment grows with the table). */
  baselineRequests: number;
  concurrentSeconds: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Every queue figure on the database DATABASE_URL names; `client` runs the baselines. */
export async function measureQueue(client: pg.Client, moderatorIds: string[], settings: QueueMeasureSettings): Promise<Figures> {
  const REQUESTS = settings.requests;
  // Imported after DATABASE_URL is set: the domain modules open their pool on first use.
  const { listQueue } = await import("@/lib/moderation/list-queue");
  const { decideComment } = await import("@/lib/moderation/decide-comment");
  const { countQueueTabs } = await import("@/lib/moderation/count-queue-tabs");
  const { listQueueFilterOptions } = await import("@/lib/moderation/list-queue-filter-options");
  const moderators = moderatorIds.map((id) => ({ id, label: `${id}@bench.local` }));

  // Baselines, each the plain SQL a first version would write, fewer runs, interleaved with ours
  // (one baseline run every `stride` of ours) so drifting load falls on both alike. The same work
  // as ours: the page's rows with the same card columns and joins, then the same batched card data
  // (flags, author record, notes) by loadQueueItems; only how the rows are found differs.
  const stride = Math.max(1, Math.floor(REQUESTS / settings.baselineRequests));
  const { CARD_COLUMNS, CARD_JOINS, loadQueueItems } = await import("@/lib/moderation/load-queue-items");
  const cardsOf = async (pageSql: string, values: unknown[] = [], on: Pick<pg.Pool, "query"> = client) => {
    const rows = (await on.query<CommentRow>(`SELECT ${CARD_COLUMNS.sql} FROM (${pageSql}) c ${CARD_JOINS.sql} ORDER BY c.priority DESC, c."postedAt", c.id`, values)).rows;
    return loadQueueItems(rows);
  };
  const FLAGGED_ORDER = `SELECT * FROM comment WHERE status = 'PENDING' AND priority > 0 AND priority > "reportPriority" ORDER BY priority DESC, "postedAt", id`;
  const SCANNED_COUNTS = `SELECT count(*) FILTER (WHERE status = 'PENDING' AND priority > 0), count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'APPROVED'), count(*) FILTER (WHERE status = 'HIDDEN'), count(*) FROM comment`;

  // What the queue page awaits before it renders (the session check aside: one primary-key read),
  // and the page a first version awaits: the same first page of cards by plain SQL, the tab counts
  // as one scan and the same filter options, side by side as ours, on a pool of their own.
  const queuePage = () => Promise.all([listQueue({ tab: "flagged", filters: {}, limit: 50 }), countQueueTabs({ fresh: true }), listQueueFilterOptions()]);
  const baselinePool = new pg.Pool({ ...pgConfigFromUrl(process.env.DATABASE_URL ?? ""), max: 3 });
  const plainPage = () => Promise.all([cardsOf(`${FLAGGED_ORDER} LIMIT 50`, [], baselinePool), baselinePool.query(SCANNED_COUNTS), listQueueFilterOptions()]);
  const wholePage: number[] = [];
  const plainWholePage: number[] = [];
  try {
    // Warm-up (plans, pool connections): untimed, the same for both.
    for (let i = 0; i < 5; i++) {
      await queuePage();
      await plainPage();
    }
    for (let i = 0; i < REQUESTS; i++) {
      await timed(wholePage, queuePage);
      if (i % stride === 0 && plainWholePage.length < settings.baselineRequests) await timed(plainWholePage, plainPage);
    }
  } finally {
    await baselinePool.end();
  }
  const firstPage: number[] = [];
  for (let i = 0; i < REQUESTS; i++) await timed(firstPage, () => listQueue({ tab: "flagged", filters: {}, limit: 50 }));

  // Baseline: the counts as one scan over every comment, what the page awaited before the triggers kept them.
  const counts: number[] = [];
  const scannedCounts: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    await timed(counts, () => countQueueTabs({ fresh: true }));
    if (i % stride === 0 && scannedCounts.length < settings.baselineRequests) {
      await timed(scannedCounts, () => client.query(SCANNED_COUNTS));
    }
  }

  let cursor: string | undefined;
  for (let walked = 0; walked < 10_000; walked += 50) cursor = (await listQueue({ tab: "flagged", filters: {}, cursor, limit: 50 })).nextCursor ?? undefined;
  const deepPage: number[] = [];
  const offsetPage: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    await timed(deepPage, () => listQueue({ tab: "flagged", filters: {}, cursor, limit: 50 }));
    if (i % stride === 0 && offsetPage.length < settings.baselineRequests) {
      await timed(offsetPage, () => cardsOf(`${FLAGGED_ORDER} OFFSET 10000 LIMIT 50`));
    }
  }

  // Each search by ours and by the plain query in turn (who goes first alternates).
  const search: number[] = [];
  const naiveSearch = { times: [] as number[], timeouts: 0 };
  let searchHits = 0;
  // The baseline's client only (ours runs on the app's pool): a plain query is stopped at the timeout.
  await client.query(`SET statement_timeout = ${NAIVE_TIMEOUT_MS}`);
  for (const [index, { q, category }] of SEARCHES.entries()) {
    const ours = async () => (searchHits += (await timed(search, () => listQueue({ tab: "pending", filters: { q, category }, limit: 50 }))).items.length);
    const plain = () => naiveSearchTime(client, cardsOf, { q, category }, naiveSearch);
    if (index % 2 === 0) await ours().then(plain);
    else await plain().then(ours);
  }
  await client.query(`RESET statement_timeout`);

  // One decision against two baselines, interleaved (the order rotates each turn) so drifting load
  // falls on all three alike, n each: a bare guarded UPDATE (the floor), and the first version a
  // competent engineer writes, the same UPDATE, the decision row and an audit event in one Prisma
  // transaction on the same pool, without the hash chain's lock and hash, the outbox rows or the
  // conflict message. Each decides a fresh pending comment of its own.
  const single: number[] = [];
  const bareUpdate: number[] = [];
  const firstVersion: number[] = [];
  const fresh = (await client.query<{ id: number }>(`SELECT id FROM comment WHERE source = 'bench' AND status = 'PENDING' AND priority = 0 ORDER BY id DESC LIMIT ${3 * REQUESTS}`)).rows.map((row) => row.id);
  const moderator = moderators[0]!;
  const decideFirstVersion = await firstVersionDecision(moderator);
  for (let i = 0; i < REQUESTS; i++) {
    const [ours, bare, first] = [fresh[3 * i]!, fresh[3 * i + 1]!, fresh[3 * i + 2]!];
    const hide = i % 2 === 0;
    const turn = [
      () => timed(single, () => decideComment({ action: hide ? "HIDE" : "APPROVE", reason: "SPAM", commentId: ours, expectedVersion: 0, expectedStatus: "PENDING" }, moderator)),
      () => timed(bareUpdate, () => client.query(`UPDATE comment SET status = $2, version = version + 1, "decidedAt" = now(), "decidedById" = $3 WHERE id = $1 AND version = 0 AND status = 'PENDING'`, [bare, hide ? "HIDDEN" : "APPROVED", moderator.id])),
      () => timed(firstVersion, () => decideFirstVersion(first, hide)),
    ];
    for (let k = 0; k < turn.length; k++) await turn[(i + k) % turn.length]!();
  }

  const concurrent = await concurrentModerators(client, moderators, settings.concurrentSeconds * 1000, decideComment);
  return {
    search_hits: searchHits,
    queue_page_p50_ms: round(percentile(wholePage, 50)),
    queue_page_p95_ms: round(percentile(wholePage, 95)),
    plain_queue_page_p50_ms: round(percentile(plainWholePage, 50)),
    plain_queue_page_p95_ms: round(percentile(plainWholePage, 95)),
    tab_counts_p50_ms: round(percentile(counts, 50)),
    tab_counts_p95_ms: round(percentile(counts, 95)),
    scanned_counts_p50_ms: round(percentile(scannedCounts, 50)),
    scanned_counts_p95_ms: round(percentile(scannedCounts, 95)),
    flagged_first_page_p50_ms: round(percentile(firstPage, 50)),
    flagged_first_page_p95_ms: round(percentile(firstPage, 95)),
    page_10k_deep_p50_ms: round(percentile(deepPage, 50)),
    page_10k_deep_p95_ms: round(percentile(deepPage, 95)),
    fts_search_p50_ms: round(percentile(search, 50)),
    fts_search_p95_ms: round(percentile(search, 95)),
    offset_page_p50_ms: round(percentile(offsetPage, 50)),
    offset_page_p95_ms: round(percentile(offsetPage, 95)),
    naive_search_p50_ms: round(percentile(naiveSearch.times, 50)),
    naive_search_p95_ms: round(percentile(naiveSearch.times, 95)),
    naive_search_timeouts: naiveSearch.timeouts,
    bare_update_p50_ms: round(percentile(bareUpdate, 50)),
    bare_update_p95_ms: round(percentile(bareUpdate, 95)),
    first_version_p50_ms: round(percentile(firstVersion, 50)),
    first_version_p95_ms: round(percentile(firstVersion, 95)),
    decision_p50_ms: round(percentile(single, 50)),
    decision_p95_ms: round(percentile(single, 95)),
    ...concurrent,
  };
}

/** The queue figures as the lines BENCHMARKS.md prints, each target with ok or MISSED. */
export function queueLines(figures: Figures, settings: QueueMeasureSettings & { dataLine: string }): string[] {
  const REQUESTS = settings.requests;
  const ok = (value: number, target: number) => (value < target ? "ok" : "MISSED");
  const B = settings.baselineRequests;
  // A baseline's tail from fewer than 20 runs is its slowest run, named so and not set against a p95.
  const tail = tailLabel(B);
  const slower = (baseP50: number, oursP50: number, baseTail: number, oursP95: number) =>
    `p50 ${ratio(baseP50, oursP50)}x${tail === "p95" ? `, p95 ${ratio(baseTail, oursP95)}x` : ""} (baseline ÷ ours: above 1, the baseline is slower)`;
  return [
    `${settings.dataLine}; server time of the domain functions, no HTTP`,
    `queue page, Flagged (page + tab counts + filter options, n=${REQUESTS})  p50 ${figures.queue_page_p50_ms} ms  p95 ${figures.queue_page_p95_ms} ms   target p95 < 50 ms: ${ok(figures.queue_page_p95_ms!, 50)}`,
    `  baseline: the page a first version awaits, side by side as ours: the same first page of cards by plain SQL, the tab counts as one count(*) FILTER scan, the same filter options (n=${B}, between ours): p50 ${figures.plain_queue_page_p50_ms} ms  ${tail} ${figures.plain_queue_page_p95_ms} ms; first version ÷ ours: ${slower(figures.plain_queue_page_p50_ms!, figures.queue_page_p50_ms!, figures.plain_queue_page_p95_ms!, figures.queue_page_p95_ms!)}`,
    `  of which the first page alone (n=${REQUESTS}): p50 ${figures.flagged_first_page_p50_ms} ms  p95 ${figures.flagged_first_page_p95_ms} ms; the tab counts alone, kept by triggers (n=${REQUESTS}): p50 ${figures.tab_counts_p50_ms} ms  p95 ${figures.tab_counts_p95_ms} ms`,
    `  baseline: the tab counts as one count(*) FILTER scan of every comment, as the page did before (n=${B}, between ours): p50 ${figures.scanned_counts_p50_ms} ms  ${tail} ${figures.scanned_counts_p95_ms} ms; scan ÷ trigger-kept: ${slower(figures.scanned_counts_p50_ms!, figures.tab_counts_p50_ms!, figures.scanned_counts_p95_ms!, figures.tab_counts_p95_ms!)}`,
    `page 10,000 rows deep (n=${REQUESTS})  p50 ${figures.page_10k_deep_p50_ms} ms  p95 ${figures.page_10k_deep_p95_ms} ms   target p95 < 50 ms: ${ok(figures.page_10k_deep_p95_ms!, 50)}`,
    `  baseline: OFFSET 10000 of the same order, the same cards (n=${B}, between ours): p50 ${figures.offset_page_p50_ms} ms  ${tail} ${figures.offset_page_p95_ms} ms; OFFSET ÷ keyset: ${slower(figures.offset_page_p50_ms!, figures.page_10k_deep_p50_ms!, figures.offset_page_p95_ms!, figures.page_10k_deep_p95_ms!)}; the keyset page's p95 is ${ratio(figures.page_10k_deep_p95_ms!, figures.flagged_first_page_p95_ms!)}x the first page's`,
    `full-text search (+category), ${SEARCHES.length} searches, n=${SEARCHES.length}  p50 ${figures.fts_search_p50_ms} ms  p95 ${figures.fts_search_p95_ms} ms   target p95 < 50 ms: ${ok(figures.fts_search_p95_ms!, 50)} (${figures.search_hits} rows, cards included)`,
    `  baseline: the same ${SEARCHES.length} searches as one plain query each, each run next to ours (filters, ORDER BY, LIMIT 50, the same cards; stopped at ${NAIVE_TIMEOUT_MS} ms: ${figures.naive_search_timeouts} were; n=${SEARCHES.length}): p50 ${figures.naive_search_p50_ms} ms  p95 ${figures.naive_search_timeouts! > 0 ? ">= " : ""}${figures.naive_search_p95_ms} ms; plain ÷ ours: p50 ${ratio(figures.naive_search_p50_ms!, figures.fts_search_p50_ms!)}x, p95 ${ratio(figures.naive_search_p95_ms!, figures.fts_search_p95_ms!)}x (above 1: the plain query is slower)`,
    `one decision (n=${REQUESTS}; its transaction: guarded UPDATE, decision row, outbox rows, hash-chained audit event)  p50 ${figures.decision_p50_ms} ms  p95 ${figures.decision_p95_ms} ms   target p95 < 20 ms: ${ok(figures.decision_p95_ms!, 20)}`,
    `  baseline, a first version: the same guarded UPDATE, decision row and audit event in one Prisma transaction, no chain lock or hash, no outbox (n=${REQUESTS}, interleaved with ours): p50 ${figures.first_version_p50_ms} ms  p95 ${figures.first_version_p95_ms} ms; ours ÷ first version: p50 ${ratio(figures.decision_p50_ms!, figures.first_version_p50_ms!)}x, p95 ${ratio(figures.decision_p95_ms!, figures.first_version_p95_ms!)}x (above 1: ours is slower)`,
    `  floor: a bare guarded UPDATE on one connection, no transaction, no decision row, no audit event (n=${REQUESTS}, interleaved): p50 ${figures.bare_update_p50_ms} ms  p95 ${figures.bare_update_p95_ms} ms; ours ÷ floor: p50 ${ratio(figures.decision_p50_ms!, figures.bare_update_p50_ms!)}x, p95 ${ratio(figures.decision_p95_ms!, figures.bare_update_p95_ms!)}x`,
    `20 moderators, ${settings.concurrentSeconds} s on ${figures.pool_comments} shared comments: ${figures.decisions_per_s} decisions/s, p95 ${figures.concurrent_p95_ms} ms over ${figures.decided} decisions, ${figures.conflicts} conflicts`,
    `  decided ${figures.decided}, decision rows ${figures.decision_rows}, audit events ${figures.audit_events}, version bumps ${figures.version_bumps}: lost ${figures.lost}, double ${figures.double} (target 0 and 0: ${figures.lost === 0 && figures.double === 0 ? "ok" : "MISSED"})`,
  ];
}

const NAIVE_TIMEOUT_MS = 1000;
// One query set for our search and its baseline. Two words, one excluded, every other one with a
// category: selective searches (the GIN path) and broad ones (the index walk) both occur.
const SEARCHES = Array.from({ length: 100 }, (_, i) => ({
  q: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]} -${WORDS[(i * 11 + 5) % WORDS.length]}`,
  category: i % 2 === 0 ? ("ABUSIVE" as const) : undefined,
}));
const ratio = (value: number, baseline: number) => round(value / Math.max(baseline, 0.001));

/** One of the bench's searches as one plain query, the way Postgres plans it on its own. */
async function naiveSearchTime(
  client: pg.Client,
  cardsOf: (pageSql: string, values: unknown[]) => Promise<unknown>,
  search: (typeof SEARCHES)[number],
  into: { times: number[]; timeouts: number },
): Promise<void> {
  const category = search.category ? `AND EXISTS (SELECT 1 FROM flag f WHERE f."commentId" = c.id AND f.category = '${search.category}')` : "";
  const started = performance.now();
  try {
    await cardsOf(`SELECT c.* FROM comment c WHERE c.status = 'PENDING' AND c."searchVector" @@ websearch_to_tsquery('simple', $1) ${category} ORDER BY c.priority DESC, c."postedAt", c.id LIMIT 50`, [search.q]);
    into.times.push(performance.now() - started);
  } catch (error) {
    // 57014: canceled by statement_timeout; anything else is a bug in the query.
    if ((error as { code?: string }).code !== "57014") throw error;
    into.timeouts += 1;
    into.times.push(NAIVE_TIMEOUT_MS);
  }
}

/** Each moderator reads a comment from a small shared pool (as its card would show it) and decides it; overlaps become conflicts. */
async function concurrentModerators(
  client: pg.Client,
  moderators: { id: string; label: string }[],
  durationMs: number,
  decideComment: typeof import("@/lib/moderation/decide-comment").decideComment,
): Promise<Figures> {
  const { db } = await import("@/lib/db/client");
  const pool = (await client.query<{ id: number; version: number }>(`SELECT id, version FROM comment WHERE source = 'bench' AND status = 'PENDING' AND priority > 0 ORDER BY priority DESC, "postedAt", id LIMIT 200`)).rows;
  const ids = pool.map((row) => row.id);
  const startedAt = new Date();
  const latencies: number[] = [];
  let decided = 0;
  let conflicts = 0;
  const deadline = performance.now() + durationMs;
  await Promise.all(
    moderators.map(async (moderator, index) => {
      let turn = index;
      while (performance.now() < deadline) {
        const commentId = ids[(turn * 7 + index * 13) % ids.length]!;
        turn += 1;
        const seen = await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { status: true, version: true } });
        const action = seen.status === "APPROVED" ? "HIDE" : seen.status === "HIDDEN" ? "APPROVE" : turn % 2 ? "APPROVE" : "HIDE";
        try {
          await timed(latencies, () => decideComment({ action, reason: "ABUSIVE", commentId, expectedVersion: seen.version, expectedStatus: seen.status }, moderator));
          decided += 1;
        } catch (error) {
          if ((error as { code?: string }).code !== "CONFLICT") throw error;
          conflicts += 1;
        }
      }
    }),
  );
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  const actorIds = moderators.map((moderator) => moderator.id);
  const counts = (
    await client.query<{ decisions: number; audits: number; bumps: number }>(
      `SELECT (SELECT count(*)::int FROM decision WHERE "commentId" = ANY($1::int[]) AND "moderatorId" = ANY($2::text[]) AND "createdAt" >= $3::timestamptz AT TIME ZONE 'UTC') AS decisions,
              (SELECT count(*)::int FROM audit_event WHERE "entityType" = 'comment' AND "entityId" = ANY($4::text[]) AND "actorId" = ANY($2::text[]) AND "createdAt" >= $3::timestamptz AT TIME ZONE 'UTC') AS audits,
              (SELECT (sum(version) - $5::int)::int FROM comment WHERE id = ANY($1::int[])) AS bumps`,
      [ids, actorIds, startedAt.toISOString(), ids.map(String), pool.reduce((sum, row) => sum + row.version, 0)],
    )
  ).rows[0] ?? { decisions: -1, audits: -1, bumps: -1 };
  return {
    pool_comments: ids.length,
    decided,
    conflicts,
    decisions_per_s: round(decided / seconds),
    concurrent_p50_ms: round(percentile(latencies, 50)),
    concurrent_p95_ms: round(percentile(latencies, 95)),
    decision_rows: counts.decisions,
    audit_events: counts.audits,
    version_bumps: counts.bumps,
    lost: decided - counts.decisions + Math.abs(counts.decisions - counts.audits),
    double: counts.decisions - counts.bumps,
  };
}
