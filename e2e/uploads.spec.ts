import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import type { BrowserContext, Page } from "@playwright/test";
import pg from "pg";
import { credentials, signIn } from "./support/fixtures";
import { expect, test } from "./support/test";

// Bodies past 10 MB reach the route whole: every row of a big upload arrives, or the upload is
// refused (413) before a row is written; a chunked upload is counted and imported whole; a chunked
// ingest body over its 10 MB is a 413. (With proxy.ts matching /api/, Next passed on only the first
// 10 MB and the rest vanished silently.)

const ROWS = 60_000;

/** A CSV of `rows` comments, every one valid, about 260 bytes a row (15 MB for 60,000). */
function bigCsv(stamp: string, rows: number): Buffer {
  const padding = "Roads in Saddar flooded again after the rain and nobody came to clear the drains. ".repeat(2);
  const lines = ["article_title,comment_id,author,body,posted_at"];
  for (let row = 0; row < rows; row++) lines.push(`Big upload ${stamp},big-${stamp}-${row},reader${row % 97},"${padding}#${row}",2015-07-23T10:${String(row % 60).padStart(2, "0")}:00Z`);
  return Buffer.from(`${lines.join("\n")}\n`);
}

async function signedIn(page: Page): Promise<BrowserContext> {
  await signIn(page, "admin");
  return page.context();
}

async function countComments(pattern: string): Promise<number> {
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(`SELECT count(*) FROM comment WHERE "dedupeKey" LIKE $1`, [pattern]);
    return Number(result.rows[0]!.count);
  } finally {
    await client.end();
  }
}

test("a 15 MB upload imports every one of its rows", async ({ openPage, baseURL }) => {
  test.setTimeout(180_000);
  const stamp = randomBytes(4).toString("hex");
  const file = bigCsv(stamp, ROWS);
  expect(file.byteLength).toBeGreaterThan(12 * 1024 * 1024);
  const context = await signedIn(await openPage());
  const response = await context.request.post(`/api/v1/imports?fileName=big-${stamp}.csv`, {
    headers: { "content-type": "application/octet-stream", origin: baseURL ?? "" },
    data: file,
    timeout: 170_000,
  });
  expect(response.status()).toBe(200);
  const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as { type: string; added?: number; rejected?: number; problems?: unknown[] });
  const done = lines.at(-1);
  expect(done).toMatchObject({ type: "done", added: ROWS, rejected: 0, problems: [] });
  expect(await countComments(`%big-${stamp}-%`)).toBe(ROWS);
});

/** Sends headers and a little of a body, and returns the status the server answers before the rest. */
function earlyStatus(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "POST", headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body });
        request.destroy();
      });
    });
    request.on("error", reject);
    request.write("article_title,body,posted_at\nA,b,2015-07-23T10:00:00Z\n");
  });
}

test("an upload announcing more than the limit is refused before a row is written; one of unknown length is counted and imported whole", async ({ openPage, baseURL }) => {
  const stamp = randomBytes(4).toString("hex");
  const context = await signedIn(await openPage());
  const cookie = (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
  const headers = { cookie, origin: baseURL ?? "", "content-type": "application/octet-stream" };

  const huge = await earlyStatus(`${baseURL}/api/v1/imports?fileName=huge-${stamp}.csv`, { ...headers, "content-length": String(5 * 1024 * 1024 * 1024) });
  expect(huge.status).toBe(413);
  expect(JSON.parse(huge.body).error.message).toContain("limited to 1 GB");

  const rows = 3_000;
  const file = bigCsv(stamp, rows);
  let offset = 0;
  // No Content-Length: sent in 64 KB chunks as they come.
  const chunkedBody = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= file.byteLength) controller.close();
      else controller.enqueue(file.subarray(offset, (offset += 64 * 1024)));
    },
  });
  const chunked = await fetch(`${baseURL}/api/v1/imports?fileName=chunked-${stamp}.csv`, { method: "POST", headers, body: chunkedBody, duplex: "half" } as RequestInit);
  expect(chunked.status).toBe(200);
  expect(JSON.parse((await chunked.text()).trim().split("\n").at(-1) ?? "{}")).toMatchObject({ type: "done", added: rows, rejected: 0 });

  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    const batches = await client.query<{ count: string }>(`SELECT count(*) FROM import_batch WHERE "fileName" = $1`, [`huge-${stamp}.csv`]);
    expect(batches.rows[0]!.count).toBe("0");
  } finally {
    await client.end();
  }
});

test("a chunked ingest body over 10 MB is a 413, not a 400", async ({ openPage, baseURL }) => {
  const context = await signedIn(await openPage());
  const cookie = (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
  const piece = new TextEncoder().encode(`{"title":"Chunked","comments":[{"body":"${"x".repeat(1024 * 1024)}`);
  let sent = 0;
  // No Content-Length: the size is only known by counting, as the body streams in.
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= 12) controller.close();
      else controller.enqueue(sent === 0 ? piece : new TextEncoder().encode("x".repeat(1024 * 1024)));
      sent++;
    },
  });
  const response = await fetch(`${baseURL}/api/v1/comments`, { method: "POST", headers: { cookie, origin: baseURL ?? "", "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
  expect(response.status).toBe(413);
  expect(((await response.json()) as { error: { message: string } }).error.message).toContain("larger than 10 MB");
});
