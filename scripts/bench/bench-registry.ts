// Every benchmark of the project: one module each, the same shape, run by scripts/bench.ts in a
// child process of its own (clean memory figures, its own database).

export interface BenchResult {
  name: string;
  lines: string[];
  figures: Record<string, number>;
}

export interface BenchEntry {
  name: string;
  what: string;
  needsDatabase: boolean;
  load: () => Promise<(options: { quick: boolean; databaseUrl: string; sizes?: number[] }) => Promise<BenchResult>>;
}

export const BENCHES: BenchEntry[] = [
  { name: "rules", what: "pre-flag rules engine throughput vs per-rule RegExps, one combined RegExp and a token Set", needsDatabase: false, load: async () => (await import("./rules-bench")).runRulesBench },
  { name: "quality", what: "flag quality on the labelled corpus and HateCheck: rules only vs model vs both", needsDatabase: false, load: async () => (await import("./quality")).runQualityBench },
  { name: "import", what: "full JSONL import vs raw COPY", needsDatabase: true, load: async () => (await import("./import-bench")).runImportBench },
  { name: "queue", what: "queue pages, search and decisions at scale; concurrent moderators", needsDatabase: true, load: async () => (await import("./queue-bench")).runQueueBench },
  { name: "export", what: "streamed decision export vs COPY TO STDOUT", needsDatabase: true, load: async () => (await import("./export-bench")).runExportBench },
  { name: "insights", what: "insights dashboard data at scale", needsDatabase: true, load: async () => (await import("./insights-bench")).runInsightsBench },
  { name: "load", what: "moderators deciding through the HTTP endpoints while an import runs", needsDatabase: false, load: async () => (await import("./load-bench")).runLoadBench },
  { name: "webhooks", what: "decision latency with a slow and a dead webhook endpoint attached vs none", needsDatabase: false, load: async () => (await import("./webhook-bench")).runWebhookBench },
];

/** Not in the default run: `npm run bench -- --scale 1m,3m,10m` runs it alone (tens of minutes, ~15 GB at 10M). */
export const SCALE_BENCH: BenchEntry = {
  name: "scale",
  what: "queue, search, decisions, insights and disk as one database grows (growth curve)",
  needsDatabase: true,
  load: async () => (await import("./scale-bench")).runScaleBench,
};
