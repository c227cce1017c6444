import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "@/lib/env";

// `next build` takes a minute; skip it when the last build is newer than every source file.

const SOURCE_DIRS = ["app", "components", "lib", "prisma", "public"];
const SOURCE_FILES = ["next.config.js", "proxy.ts", "instrumentation.ts", "package.json", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function isBuildStale(): boolean {
  const buildId = path.join(projectRoot, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((entry) => newestMtime(path.join(projectRoot, entry)) > built);
}

/** The steps of Next's build output worth passing on (the rest is route tables and noise), or null. */
export function buildProgressLine(line: string): string | null {
  const step = line.trim();
  return /^(✓ |Creating an optimized|Compiled|Collecting|Generating|Finalizing|Running TypeScript)/.test(step) ? step : null;
}

const STILL_BUILDING_EVERY_MS = 20_000;

export async function buildIfStale(say: (line: string) => void): Promise<void> {
  if (!isBuildStale()) return;
  say("Building the web app (first start or sources changed; this takes a minute)…");
  const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    let output = "";
    // A first build takes minutes on a small machine: say what it is doing, and that it still is.
    const started = Date.now();
    const ticker = setInterval(() => say(`  still building (${Math.round((Date.now() - started) / 1000)} s)…`), STILL_BUILDING_EVERY_MS);
    child.on("exit", () => clearInterval(ticker));
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split("\n")) {
        const step = buildProgressLine(line);
        if (step) say(`  ${step}`);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed:\n${output.slice(-4000)}`))));
  });
}
