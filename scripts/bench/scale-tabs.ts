// The queue's other tabs and filters at each size of the scale bench: each first page (and one
// page deep in Hidden), as listQueue serves them, each against the same target as the Flagged page.
import { percentile, tailLabel, timed } from "../lib/timing";
import type { ScaleData } from "./scale-seed";

type Figures = Record<string, number>;
type ListQueue = typeof import("@/lib/moderation/list-queue").listQueue;
type Request = Parameters<ListQueue>[0];

export const TAB_RUNS = 20;
const RUNS = TAB_RUNS;
const TARGET_MS = 50;
const round = (value: number) => Math.round(value * 100) / 100;

function cases(data: ScaleData): [string, Request][] {
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  return [
    ["pending", { tab: "pending", filters: {}, limit: 50 }],
    ["approved", { tab: "approved", filters: {}, limit: 50 }],
    ["hidden", { tab: "hidden", filters: {}, limit: 50 }],
    ["all", { tab: "all", filters: {}, limit: 50 }],
    // The hottest article and the most prolific author (scale-seed.ts skews both toward index 0).
    ["flagged+article", { tab: "flagged", filters: { article: data.firstArticle }, limit: 50 }],
    ["pending+author", { tab: "pending", filters: { author: "reader0" }, limit: 50 }],
    ["flagged+category", { tab: "flagged", filters: { category: "SPAM" }, limit: 50 }],
    ["pending+last 7 days", { tab: "pending", filters: { from: weekAgo }, limit: 50 }],
  ];
}

export async function measureTabsAndFilters(data: ScaleData): Promise<Figures> {
  const { listQueue } = await import("@/lib/moderation/list-queue");
  const figures: Figures = {};
  const measure = async (name: string, request: Request) => {
    await listQueue(request);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) await timed(times, () => listQueue(request));
    figures[`tab_p50_ms:${name}`] = round(percentile(times, 50));
    figures[`tab_p95_ms:${name}`] = round(percentile(times, 95));
  };
  for (const [name, request] of cases(data)) await measure(name, request);
  let cursor: string | undefined;
  for (let walked = 0; walked < 10_000; walked += 50) cursor = (await listQueue({ tab: "hidden", filters: {}, cursor, limit: 50 })).nextCursor ?? undefined;
  await measure("hidden 10,000 deep", { tab: "hidden", filters: {}, cursor, limit: 50 });
  figures.tabs_worst_p95_ms = Math.max(...Object.entries(figures).filter(([key]) => key.startsWith("tab_p95_ms:")).map(([, value]) => value));
  return figures;
}

export function tabsAndFiltersLines(figures: Figures): string[] {
  const names = Object.keys(figures).filter((key) => key.startsWith("tab_p95_ms:")).map((key) => key.slice("tab_p95_ms:".length));
  const cells = names.map((name) => `${name} ${figures[`tab_p50_ms:${name}`]}/${figures[`tab_p95_ms:${name}`]}`);
  const worst = figures.tabs_worst_p95_ms!;
  return [
    `other tabs and filters, first page unless said (n=${RUNS} each, p50/${tailLabel(RUNS)} ms): ${cells.join("; ")}`,
    `  worst ${tailLabel(RUNS)} ${worst} ms   target p95 < ${TARGET_MS} ms: ${worst < TARGET_MS ? "ok" : "MISSED"}`,
  ];
}
