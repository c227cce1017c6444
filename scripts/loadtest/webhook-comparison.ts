import type pg from "pg";
import { percentile } from "../lib/timing";
import { decideFor } from "./decide-for";
import type { DecisionOutcome, ModeratorSession } from "./moderator-session";
import { SLOW_ANSWER_MS, startWebhookReceivers } from "./webhook-receivers";

// The webhook comparison of the load test (issue #16: "a slow or dead endpoint never slows the
// queue"): the same moderators on the same warm server decide disjoint comments for the same time
// twice, first with no webhook endpoint, then with two attached (one slow, one dead, both on
// loopback); the decision p95 with them must stay within MAX_P95_RATIO of the p95 without.
// One server and one database for both phases: only the endpoints differ between them.

export const MAX_P95_RATIO = 1.1;
const WARM_UP_SECONDS = 3;

export interface WebhookComparison {
  outcomes: DecisionOutcome[];
  lines: string[];
  figures: Record<string, number>;
}

const latencies = (outcomes: readonly DecisionOutcome[]) => outcomes.map((outcome) => outcome.latencyMs).sort((a, b) => a - b);

export async function compareWithWebhooks(sessions: readonly ModeratorSession[], pool: readonly number[], seconds: number, sql: pg.Client, log: (line: string) => void): Promise<WebhookComparison> {
  const third = Math.floor(pool.length / 3);
  // Route code loaded and JIT warm before anything is measured.
  const warmUp = await decideFor(sessions, pool.slice(0, third), Math.min(WARM_UP_SECONDS, seconds), true);
  log(`webhooks: ${sessions.length} moderators for ${seconds} s with no endpoint…`);
  const without = await decideFor(sessions, pool.slice(third, 2 * third), seconds, true);

  const receivers = await startWebhookReceivers();
  try {
    const { createWebhookEndpoint } = await import("@/lib/webhooks/manage-endpoints");
    const { SYSTEM_ACTOR } = await import("@/lib/audit/record-audit-event");
    for (const url of [receivers.slowUrl, receivers.deadUrl]) {
      await createWebhookEndpoint({ url, events: ["comment.decided"], timeoutMs: 5_000, allowPrivateNetwork: true }, SYSTEM_ACTOR);
    }
    log(`webhooks: the same for ${seconds} s with a slow endpoint (answers after ${SLOW_ANSWER_MS / 1000} s) and a dead one (never answers)…`);
    const withEndpoints = await decideFor(sessions, pool.slice(2 * third), seconds, true);

    const outbox = (await sql.query<{ status: string; count: number }>(`SELECT status::text, count(*)::int AS count FROM webhook_delivery GROUP BY status ORDER BY status`)).rows;
    const none = latencies(without);
    const hooked = latencies(withEndpoints);
    const figures = {
      noWebhooksP50Ms: percentile(none, 50),
      noWebhooksP95Ms: percentile(none, 95),
      webhooksP50Ms: percentile(hooked, 50),
      webhooksP95Ms: percentile(hooked, 95),
      webhooksP95Ratio: percentile(hooked, 95) / Math.max(percentile(none, 95), 0.001),
      slowAnswered: receivers.slowAnswered(),
      deadHeld: receivers.deadHeld(),
    };
    const isMet = figures.webhooksP95Ratio <= MAX_P95_RATIO;
    const lines = [
      `decisions with no webhook endpoint: p50 ${figures.noWebhooksP50Ms.toFixed(1)} ms, p95 ${figures.noWebhooksP95Ms.toFixed(1)} ms (${without.length} requests in ${seconds} s)`,
      `decisions with a slow and a dead endpoint: p50 ${figures.webhooksP50Ms.toFixed(1)} ms, p95 ${figures.webhooksP95Ms.toFixed(1)} ms (${withEndpoints.length} requests in ${seconds} s)`,
      `decision p95 with endpoints / without: ${figures.webhooksP95Ratio.toFixed(3)} (target ≤ ${MAX_P95_RATIO.toFixed(2)}: ${isMet ? "met" : "MISSED"})`,
      `receivers meanwhile: the slow one answered ${figures.slowAnswered} deliveries, the dead one left ${figures.deadHeld} hanging; outbox: ${outbox.map((row) => `${row.count} ${row.status.toLowerCase()}`).join(", ") || "empty"}`,
    ];
    return { outcomes: [...warmUp, ...without, ...withEndpoints], lines, figures };
  } finally {
    await receivers.close();
  }
}
