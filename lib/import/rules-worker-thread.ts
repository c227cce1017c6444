import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { projectRoot } from "@/lib/env";
import type { FlagResult } from "@/lib/detect/types";
import type { ChunkRules } from "./chunk-rules";
import { packContexts, unpackFlags, type PackedFlags } from "./rules-worker-messages";

// The rules of a bulk import on a worker thread (the CLI and the bench pass startRulesWorker to
// importFile). Never imported from the Next app: the worker needs the sources and tsx on disk.

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
  // A larger young generation for the thread alone: the rules allocate per comment, and scavenges
  // took a tenth of its CPU with V8's default. Not for the whole process: the export's peak memory
  // (a target of its own) grew by the same 96 MB when the CLI ran with it.
  const worker = new Worker(path.join(projectRoot, "lib/import/rules-worker.mjs"), { resourceLimits: { maxYoungGenerationSizeMb: 192 } });
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
  worker.on("message", (result: { flags: PackedFlags; count: number; ms: number }) => {
    waiting.shift()?.resolve({ flags: unpackFlags(result.flags, result.count), ms: result.ms });
  });
  return {
    evaluate: (contexts) => {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage(packContexts(contexts));
      });
    },
    close: async () => {
      worker.off("error", failAll);
      worker.off("exit", onExitAfterStart);
      await worker.terminate();
    },
  };
}
