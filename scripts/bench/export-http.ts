// The decisions export as a user downloads it: a production build of the app on loopback, a
// bearer token, GET /api/v1/decisions read to its last byte. Wall time from request to end of body.
import { spawn } from "node:child_process";
import path from "node:path";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { projectRoot } from "@/lib/env";
import type { ExportFilters } from "@/lib/export/schemas";
import { buildIfStale } from "../lib/build-if-stale";
import { stopProcess } from "../lib/stop-process";

async function waitForServer(baseUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    // Each try bounded: a server that accepts and never answers would hold this loop for good.
    const status = await fetch(`${baseUrl}/sign-in`, { signal: AbortSignal.timeout(10_000) }).then((response) => response.status).catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the web server did not start within 120 s");
}

export async function timeHttpDownload(databaseUrl: string, filters: ExportFilters, expectedRows: number): Promise<{ rowsPerSec: number; seconds: number; megabytes: number }> {
  const { db } = await import("@/lib/db/client");
  const { createApiToken } = await import("@/lib/auth/api-token");
  const adminId = `bench-export-${Date.now()}`;
  await db.user.create({ data: { id: adminId, name: "bench", email: `${adminId}@bench.local`, role: "admin" } });
  const { token } = await createApiToken({ name: "bench export", scopes: ["exports:read"] }, { id: adminId, label: `${adminId}@bench.local` });
  await buildIfStale((line) => console.error(line));
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: projectRoot,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: "b".repeat(40), MODDESK_URL: baseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  try {
    await waitForServer(baseUrl);
    // Warm-up, untimed: the route's first request loads its code, the token check and the pool,
    // which a running server has done long before a user's download (the in-process exports
    // start warm too). A day with no decisions: the same path, no rows.
    const empty = new URLSearchParams({ format: "csv", since: "1970-01-01T00:00:00.000Z", until: "1970-01-02T00:00:00.000Z" });
    const warm = await fetch(`${baseUrl}/api/v1/decisions?${empty}`, { headers: { authorization: `Bearer ${token}` } });
    if (warm.status !== 200) throw new Error(`the warm-up GET /api/v1/decisions answered ${warm.status}: ${(await warm.text()).slice(0, 300)}`);
    await warm.arrayBuffer();
    const query = new URLSearchParams({ format: "csv", since: filters.since!.toISOString(), until: filters.until!.toISOString() });
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/decisions?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200 || !response.body) throw new Error(`GET /api/v1/decisions answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    let bytes = 0;
    let newlines = 0;
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      bytes += read.value.length;
      for (const byte of read.value) if (byte === 10) newlines++;
    }
    const seconds = (performance.now() - started) / 1000;
    // Every row ends with a newline (bodies add more): fewer than the rows means a cut download.
    if (newlines < expectedRows) throw new Error(`the HTTP download held ${newlines} lines for ${expectedRows} rows`);
    return { rowsPerSec: Math.round(expectedRows / seconds), seconds: Math.round(seconds * 100) / 100, megabytes: Math.round((bytes / 1048576) * 100) / 100 };
  } finally {
    // Waited for (killed if still up after 5 s): the bench stops the database next, and a server left
    // shutting down would outlive the bench.
    await stopProcess(server, { graceMs: 5_000 });
  }
}
