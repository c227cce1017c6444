#!/usr/bin/env node
// The `moddesk` command: see `moddesk help`.
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.argv.splice(2, 0, path.join(root, "scripts/moddesk.ts"));
await import("./run-ts.mjs");
