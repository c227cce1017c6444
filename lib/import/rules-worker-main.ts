// The rules of an import on a thread of their own (chunk-rules.ts starts it, through rules-worker.mjs):
// the parser and the COPY of the previous chunk go on while a chunk is flagged. Loads the enabled rules (and
// the adapted model) once, like the in-thread path, then answers one chunk per message, in order.
import { parentPort } from "node:worker_threads";
import { getDb } from "@/lib/db/client";
import { loadRuleEvaluator } from "@/lib/rules/load-rule-evaluator";
import { packFlags, unpackContexts, type PackedContexts } from "./rules-worker-messages";

const port = parentPort;
if (!port) throw new Error("rules-worker-main.ts runs as a worker thread");
const evaluate = await loadRuleEvaluator();
// The rules are compiled: the thread needs no database connection from here on.
await getDb().$disconnect();
port.on("message", (packed: PackedContexts) => {
  const started = performance.now();
  const flags = packFlags(unpackContexts(packed).map((context) => evaluate(context)));
  port.postMessage({ flags, count: packed.bodies.length, ms: performance.now() - started });
});
port.postMessage({ ready: true });
