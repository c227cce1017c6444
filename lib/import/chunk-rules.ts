import "server-only";
import type { CommentContext, FlagResult } from "@/lib/detect/types";

// How an import flags a chunk of comments: in its own thread (small imports, the server's upload and
// ingest paths), or on a worker thread (bulk loads from the CLI: rules cost about as much as parsing
// and writing together, and the three then overlap on the machine's cores; rules-worker-thread.ts,
// which nothing inside the Next app imports: its bundler would try to pack the worker and tsx).

export interface ChunkRules {
  /** The flags of each comment, in order; `ms` is the time the rules took. */
  evaluate: (contexts: CommentContext[]) => Promise<{ flags: FlagResult[][]; ms: number }>;
  close: () => Promise<void>;
}

export function rulesInThread(evaluate: (context: CommentContext) => FlagResult[]): ChunkRules {
  return {
    evaluate: (contexts) => {
      const started = performance.now();
      try {
        const flags = contexts.map((context) => evaluate(context));
        return Promise.resolve({ flags, ms: performance.now() - started });
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    close: async () => {},
  };
}
