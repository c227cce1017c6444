#!/usr/bin/env node
// Runs one of Moddesk's TypeScript entry points (scripts/*.ts) with the loader and the
// `react-server` condition, so that modules marked `server-only` load outside Next as well.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write("usage: run-ts.mjs <scripts/entry.ts> [args...]\n");
  process.exit(2);
}
const tsx = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;
const child = spawn(process.execPath, ["--conditions=react-server", "--import", tsx, path.resolve(root, entry), ...args], {
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", MODDESK_ROOT: root, ...process.env },
});
// Ctrl-C reaches the child through the terminal's process group; we only wait for it.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
