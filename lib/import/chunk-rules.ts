import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { projectRoot } from "@/lib/env";
import type { CommentContext, FlagResult } from "@/lib/detect/types";

// How an import flags a chunk of comments: in its own thread (small imports, the server's upload and
// ingest paths), or on a worker thread (bulk loads from the CLI: rules cost about as much as parsing
// and writing together, and the three then overlap on the machine's cores).

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

interface Waiting {
  resolve: (result: { flags: FlagResult[][]; ms: number }) => void;
  reject: (error: Error) => void;
}

/**
 * Starts lib/import/rules-worker.mjs and waits until its rules are loaded. It needs the project's
 * sources and tsx on disk (the CLI, the bench), so the server's upload and ingest paths stay in thread.
 */
export async function startRulesWorker(): Promise<ChunkRules> {
  // A path, not new URL(…, import.meta.url): a bundler must not try to make the worker a chunk of its own.
  const worker = new Worker(path.join(projectRoot, "lib/import/rules-worker.mjs"));
  const waiting: Waiting[] = [];
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const entry of waiting.splice(0)) entry.reject(error);
  };
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`the rules worker exited with ${code} before its rules were loaded`));
    worker.once("error", reject);
    worker.once("exit", onExit);
    worker.once("message", () => {
      worker.off("error", reject);
      worker.off("exit", onExit);
      resolve();
    });
  });
  worker.on("error", failAll);
  const onExitAfterStart = (code: number) => failAll(new Error(`the rules worker exited with ${code}`));
  worker.on("exit", onExitAfterStart);
  worker.on("message", (result: { flags: FlagResult[][]; ms: number }) => waiting.shift()?.resolve(result));
  return {
    evaluate: (contexts) => {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage(contexts);
      });
    },
    close: async () => {
      worker.off("error", failAll);
      worker.off("exit", onExitAfterStart);
      await worker.terminate();
    },
  };
}
