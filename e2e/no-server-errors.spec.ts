import type { APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { signIn } from "./support/fixtures";
import { builtRoutes } from "./support/route-manifest";
import { expect, test } from "./support/test";

// Whatever a URL or a body holds, the server answers with a status that says what is wrong (4xx),
// never a crash (5xx). Property-based: random ids (huge, negative, not numbers, "%", ".."), dates
// (year 0, 99999, garbage), search strings (dashes, NUL, 10,000 characters, any Unicode) and
// `next` values, sent to every page and route handler of the production build (the manifest
// the authorization matrix walks), signed in as admin and anonymously. Bounded in runs and time.

const RUNS = 300;
const TIME_LIMIT_MS = 90_000;

/** No lone surrogate halves: a URL cannot carry them (encodeURIComponent throws). */
const wellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
const anyText = (maxLength: number) => fc.string({ unit: "binary", maxLength }).filter(wellFormed);

const id = fc.oneof(
  fc.constantFrom("0", "-1", "1", "2147483647", "2147483648", "4294967296", "99999999999999999999", "1e308", "NaN", "%", "a%", "%zz", "%25", "..", ".", "-", "1.5", "0x10", " 1"),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  anyText(12),
);
const date = fc.oneof(
  fc.constantFrom("0000-01-01", "0000-01-01T00:00:00Z", "99999-01-01", "+099999-01-01T00:00:00Z", "-000001-01-01T00:00:00Z", "2026-02-30", "1899-12-31", "9999-12-31T23:59:59Z", "garbage", ""),
  fc.date({ noInvalidDate: true }).map((value) => value.toISOString()),
  fc.date({ noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10)),
  anyText(20),
);
const search = fc.oneof(
  fc.constantFrom("-".repeat(40), "- ".repeat(60), "\u0000", "a\u0000b", "x".repeat(10_000), "'\"\\", "((((", "!!!!", "or or or", "<script>alert(1)</script>", "%", "\u202e\u200b"),
  fc.integer({ min: 1, max: 80 }).map((count) => "-".repeat(count)),
  anyText(300),
);
const next = fc.oneof(
  fc.constantFrom("/%0A/evil.example", "/\t/evil.example", "//evil.example", "https://evil.example", "/\\evil.example", "\r\n", "%0D%0A", "javascript:alert(1)", "/queue", "/../../etc/passwd", "%"),
  anyText(60),
);

/** Query parameters the pages and routes read, each with values of its kind. */
const QUERY: Record<string, fc.Arbitrary<string>> = {
  q: search,
  author: search,
  actor: search,
  action: search,
  entityType: search,
  entityId: id,
  article: id,
  articleId: id,
  rule: id,
  after: fc.oneof(id, anyText(40)),
  before: id,
  limit: id,
  from: date,
  to: date,
  since: date,
  until: date,
  range: fc.constantFrom("30d", "90d", "all", "7d", ""),
  tab: fc.constantFrom("flagged", "pending", "approved", "hidden", "all", "x"),
  category: fc.constantFrom("SPAM", "ABUSIVE", "nope"),
  sort: fc.constantFrom("suggestion", "x"),
  moderator: search,
  format: fc.constantFrom("csv", "json", "jsonl", "xml"),
  status: fc.constantFrom("PENDING", "x"),
  next,
  fileName: anyText(40),
  saved: id,
  name: search,
};

const requestArb = fc.record({
  routeIndex: fc.nat(),
  segment: fc.oneof(id, search),
  query: fc.dictionary(fc.constantFrom(...Object.keys(QUERY)), fc.constant(null), { maxKeys: 4 }).chain((keys) => fc.record(Object.fromEntries(Object.keys(keys).map((key) => [key, QUERY[key]!])) as Record<string, fc.Arbitrary<string>>)),
  body: fc.record({ commentId: id, expectedVersion: fc.constantFrom(-1, 2_147_483_648, 1e20, "abc", 999_999), postedAt: date, publishedAt: date, action: fc.constantFrom("APPROVE", "HIDE", "DELETE"), extra: fc.boolean() }),
  anonymous: fc.boolean(),
});

type Target = { method: "GET" | "POST"; path: string; kind: "page" | "json" | "ingest" | "upload" };

/** Every page, and every route handler method except signing in (wrong passwords would throttle this address for the specs after it). */
function targets(): Target[] {
  const built = builtRoutes();
  const list: Target[] = built.pages.map((path) => ({ method: "GET", path, kind: "page" }));
  for (const handler of built.handlers) {
    if (handler === "/api/v1/sessions") continue;
    if (handler === "/api/v1/comments") list.push({ method: "GET", path: handler, kind: "page" }, { method: "POST", path: handler, kind: "ingest" });
    else if (handler === "/api/v1/imports") list.push({ method: "POST", path: handler, kind: "upload" });
    else if (handler.endsWith("/decisions") && handler.includes("[")) list.push({ method: "POST", path: handler, kind: "json" });
    else list.push({ method: "GET", path: handler, kind: "page" });
  }
  return list;
}

/** Segments that go into the path as they are: a stray "%" is what a hand-typed URL holds. */
const RAW_SEGMENTS = new Set(["%", "a%", "%zz"]);

function fill(path: string, segment: string): string {
  return path.replace(/\[[^\]]+\]/g, () => (RAW_SEGMENTS.has(segment) ? segment : encodeURIComponent(segment)));
}

test("no page or route handler answers 5xx to random ids, dates, searches and next values", async ({ openPage, baseURL }) => {
  test.setTimeout(TIME_LIMIT_MS + 60_000);
  const signedIn = await openPage();
  await signIn(signedIn, "admin");
  const context = signedIn.context();
  const anonymousContext = (await openPage()).context();
  const all = targets();
  expect(all.length).toBeGreaterThan(15);
  const failures: string[] = [];
  // Besides the random runs: every target once with the probe's worst values, signed in and not.
  const hostile = { q: "-".repeat(40), author: "a\u0000b", actor: "a\u0000b", from: "0000-01-01", to: "2026-01-01", since: "0000-01-01T00:00:00Z", until: "99999-01-01", article: "2147483648", articleId: "2147483648", rule: "-1", before: "99999999999999999999", next: "/\r\n/evil.example" };
  const hostileBody = { commentId: "2147483648", expectedVersion: 2_147_483_648, postedAt: "0000-01-01T00:00:00Z", publishedAt: "99999-01-01", action: "HIDE", extra: true };
  const examples = all.flatMap((_, routeIndex) =>
    ["2147483648", "%", "..", "-1"].flatMap((segment) => [false, true].map((anonymous) => [{ routeIndex, segment, query: hostile, body: hostileBody, anonymous }])),
  );

  // Every request is made and every 5xx collected (rather than stopping at the first), so one run lists them all.
  await fc.assert(
    fc.asyncProperty(requestArb, async ({ routeIndex, segment, query, body, anonymous }) => {
      const target = all[routeIndex % all.length]!;
      const request: APIRequestContext = anonymous ? anonymousContext.request : context.request;
      const url = `${fill(target.path, segment)}?${new URLSearchParams(query)}`;
      const headers = { origin: baseURL ?? "", "content-type": target.kind === "upload" ? "application/octet-stream" : "application/json" };
      let data: string | undefined;
      if (target.kind === "json") data = JSON.stringify({ action: body.action, reason: "SPAM", expectedVersion: body.expectedVersion, expectedStatus: "PENDING", ...(body.extra ? { unexpected: true } : {}) });
      if (target.kind === "ingest") data = JSON.stringify({ title: "No-5xx probe", publishedAt: body.publishedAt, comments: [{ id: `probe-${body.commentId}`, body: "probe", postedAt: body.postedAt }] });
      if (target.kind === "upload") data = `article_title,body,posted_at\nNo-5xx probe,probe,${body.postedAt}\n`;
      const response = await request.fetch(url, { method: target.method, data, headers: target.method === "POST" ? headers : { referer: `${baseURL}/queue` }, maxRedirects: 0, timeout: 30_000 });
      if (response.status() >= 500) failures.push(`${anonymous ? "anonymous" : "admin"} ${target.method} ${url.slice(0, 300)} → ${response.status()}`);
    }),
    { numRuns: RUNS, examples: examples as never, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
  );
  expect(failures, "requests answered 5xx").toEqual([]);
});

/** The reproductions of the security probe, each with the answer it must get now. */
const KNOWN: [string, number][] = [
  ["/comments/2147483648", 404],
  ["/articles/2147483648", 404],
  ["/rules/2147483648/edit", 404],
  ["/authors/%", 400],
  ["/api/v1/comments/%/decisions", 400],
  // Escapes that are not UTF-8 (half a surrogate pair, an overlong byte): Next answered 500 under /api/.
  ["/api/v1/comments/%ED%A0%80/statement-of-reasons", 400],
  ["/api/v1/imports/%C0/problems", 400],
  ["/authors/%ED%A0%80", 400],
  ["/authors/%00", 404],
  ["/authors/-?name=a%00b", 404],
  ["/authors/-?name=..", 200],
  ["/authors/-?name=.", 200],
  [`/queue?q=${"-".repeat(40)}`, 200],
  ["/queue?q=a%00b", 200],
  [`/queue?q=${"x".repeat(201)}`, 200],
  ["/audit?actor=a%00b", 200],
  ["/insights?from=0000-01-01&to=2026-01-01", 200],
  ["/api/v1/queue/changes?since=0000-01-01T00:00:00Z", 400],
  ["/api/v1/comments?articleId=2147483648", 400],
  ["/api/v1/decisions?article=2147483648", 400],
  ["/api/v1/decisions?since=0000-01-01", 400],
];

test("the probe's reproductions answer 404/400 or a page that says what it left out", async ({ page }) => {
  await signIn(page, "admin");
  // A cookie's GET names the app's page it came from, as a browser does (else 403 before the input is read).
  for (const [url, status] of KNOWN) expect((await page.request.get(url, { maxRedirects: 0, headers: { referer: page.url() } })).status(), url).toBe(status);
  const decide = await page.request.post("/api/v1/comments/2147483648/decisions", { headers: { origin: new URL(page.url()).origin, "content-type": "application/json" }, data: { action: "APPROVE", expectedVersion: 0, expectedStatus: "PENDING" } });
  expect(decide.status()).toBe(400);
  const report = await page.request.post("/api/v1/sources/x/comments/%ED%A0%80/reports", { headers: { origin: new URL(page.url()).origin, "content-type": "application/json" }, data: { reports: [{ reason: "spam" }] } });
  expect(report.status()).toBe(400);

  await page.goto(`/queue?q=${"x".repeat(201)}`);
  await expect(page.getByTestId("queue-filter-problems")).toContainText("the limit is 200");
  await page.goto("/audit?actor=a%00b");
  await expect(page.getByText("must not contain a NUL character")).toBeVisible();
});

test("unknown JSON fields are a 400 that names them", async ({ page }) => {
  await signIn(page, "admin");
  const origin = new URL(page.url()).origin;
  const decide = await page.request.post("/api/v1/comments/1/decisions", { headers: { origin, "content-type": "application/json" }, data: { action: "APPROVE", expectedVersion: 0, expectedStatus: "PENDING", force: true } });
  expect(decide.status()).toBe(400);
  expect(JSON.stringify(await decide.json())).toContain("force");
  const ingest = await page.request.post("/api/v1/comments", { headers: { origin, "content-type": "application/json" }, data: { title: "Unknown field", tags: ["x"], comments: [] } });
  expect(ingest.status()).toBe(400);
  expect(JSON.stringify(await ingest.json())).toContain("tags");
});
