import { randomBytes } from "node:crypto";
import http, { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { credentials, signIn } from "./support/fixtures";
import { builtRoutes } from "./support/route-manifest";
import { closeServer } from "../test/support/teardown";
import { expect, test } from "./support/test";

// Cross-site request forgery against the API: a signed-in admin opens a page on another origin,
// which posts to Moddesk with the admin's cookie. The page sits on a second loopback port, both as
// http://localhost:<port> (another site: SameSite=Lax keeps the cookie home) and as
// http://127.0.0.1:<port> (the same *site* as the app, so the browser sends the cookie: only the
// Origin and Content-Type checks of lib/route.ts stand between it and the API).

let attacker: Server;
let attackerPort = 0;

/**
 * The attacker's page: it fires the forged requests as soon as it loads, then says so once the
 * form's answer has loaded in its frame (never after a fixed delay: on a busy machine the answer
 * came later, and the checks below ran before the forged decision had reached the server).
 */
function attackPage(appUrl: string, commentId: number, stamp: string): string {
  const decision = JSON.stringify({ action: "HIDE", reason: "SPAM", expectedVersion: 0, expectedStatus: "PENDING" });
  const ingest = JSON.stringify({ title: `Forged ${stamp}`, comments: [{ id: `forged-${stamp}`, body: `forged ingest ${stamp}`, postedAt: "2015-07-24T10:30:00Z" }] });
  const upload = `article_title,comment_id,body,posted_at\nForged ${stamp},forged-upload-${stamp},forged upload ${stamp},2015-07-24T10:30:00Z\n`;
  const posts = [
    [`${appUrl}/api/v1/comments/${commentId}/decisions`, decision],
    [`${appUrl}/api/v1/comments`, ingest],
    [`${appUrl}/api/v1/imports?fileName=forged-${stamp}.csv`, upload],
  ];
  return `<!doctype html><html><body><form id="form" method="POST" enctype="text/plain" action="${appUrl}/api/v1/comments/${commentId}/decisions" target="sink"><input name='${decision.slice(0, -1)},"x":"' value='"}'></form><iframe name="sink"></iframe>
<script>
const posts = ${JSON.stringify(posts)};
Promise.all(posts.map(([url, body]) => fetch(url, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body }).catch(() => null)))
  .then(() => { document.querySelector("iframe").onload = () => { document.title = "done"; }; document.getElementById("form").submit(); });
</script></body></html>`;
}

let attackHtml = "";

test.beforeAll(async () => {
  attacker = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(attackHtml);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerPort = (attacker.address() as AddressInfo).port;
});

test.afterAll(async () => {
  await closeServer(attacker);
});

async function seedPendingComment(client: pg.Client, stamp: string): Promise<number> {
  const article = await client.query<{ id: number }>(`INSERT INTO article (key, title, "publishedAt") VALUES ($1, $2, now()) RETURNING id`, [`csrf:${stamp}`, `CSRF target ${stamp}`]);
  const comment = await client.query<{ id: number }>(
    `INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt", priority) VALUES ($1, 'e2e', $2, $2, 'reader', 'A fair comment.', now() AT TIME ZONE 'UTC', 0) RETURNING id`,
    [article.rows[0]!.id, `csrf:${stamp}`],
  );
  return comment.rows[0]!.id;
}

for (const host of ["localhost", "127.0.0.1"]) {
  test(`a page on http://${host}:<other port> cannot make a signed-in admin decide, ingest or upload`, async ({ openPage, baseURL }) => {
    const stamp = randomBytes(4).toString("hex");
    const client = new pg.Client({ connectionString: credentials().databaseUrl });
    await client.connect();
    try {
      const commentId = await seedPendingComment(client, stamp);
      const victim = await openPage();
      await signIn(victim, "admin");
      attackHtml = attackPage(baseURL ?? "", commentId, stamp);
      const forged: number[] = [];
      victim.on("response", (response) => {
        if (response.url().startsWith(`${baseURL}/api/`)) forged.push(response.status());
      });
      await victim.goto(`http://${host}:${attackerPort}/`);
      await expect(victim).toHaveTitle("done", { timeout: 15_000 });
      // Every forged request got an answer (three fetches and the form), and none was a success.
      expect(forged.length).toBeGreaterThanOrEqual(4);
      for (const status of forged) expect([401, 403, 415]).toContain(status);

      const comment = await client.query<{ status: string; version: number }>(`SELECT status, version FROM comment WHERE id = $1`, [commentId]);
      expect(comment.rows[0]).toEqual({ status: "PENDING", version: 0 });
      const added = await client.query<{ count: string }>(`SELECT count(*) FROM comment WHERE body LIKE $1`, [`forged % ${stamp}`]);
      expect(added.rows[0]!.count).toBe("0");

      // The same admin on Moddesk's own page still decides: the checks refuse forgeries only.
      const own = await victim.request.post(`/api/v1/comments/${commentId}/decisions`, {
        headers: { origin: baseURL ?? "", "content-type": "application/json" },
        data: { action: "HIDE", reason: "SPAM", expectedVersion: 0, expectedStatus: "PENDING" },
      });
      expect(own.status()).toBe(200);
    } finally {
      await client.end();
    }
  });
}

// An export is a GET, and SameSite=Lax sends the cookie on a link clicked on any site, and on an
// <img> of a page on another port of the same host: before the check, each started an audited
// export (and its load) on the attacker's say-so. The Exports and DSA pages' own downloads pass
// (e2e/exports.spec.ts, e2e/dsa.spec.ts).
for (const host of ["localhost", "127.0.0.1"]) {
  test(`a link or <img> on http://${host}:<other port> cannot start an export with a signed-in admin's cookie`, async ({ openPage, baseURL }) => {
    const client = new pg.Client({ connectionString: credentials().databaseUrl });
    await client.connect();
    const exportsSoFar = async () => Number((await client.query<{ count: string }>(`SELECT count(*) FROM audit_event WHERE action IN ('export.decisions', 'export.dsa_statements')`)).rows[0]!.count);
    try {
      const victim = await openPage({ acceptDownloads: true });
      await signIn(victim, "admin");
      const before = await exportsSoFar();
      const exportUrl = `${baseURL}/api/v1/decisions?format=csv`;
      attackHtml = `<!doctype html><html><body><img src="${exportUrl}&via=img"><img src="${baseURL}/api/v1/dsa/statements?format=jsonl"><a id="go" href="${exportUrl}&via=link">Your prize</a>
<script>window.addEventListener("load", () => { document.title = "loaded"; });</script></body></html>`;
      // Requests, not responses: Chromium blocks a cross-origin <img>'s JSON answer (ORB) before
      // the page sees it, but the request reached the server all the same.
      let requests = 0;
      const answers: number[] = [];
      victim.on("request", (request) => {
        if (request.url().startsWith(`${baseURL}/api/`)) requests += 1;
      });
      victim.on("response", (response) => {
        if (response.url().startsWith(`${baseURL}/api/`)) answers.push(response.status());
      });
      await victim.goto(`http://${host}:${attackerPort}/`);
      await expect(victim).toHaveTitle("loaded");
      const followed = victim.waitForResponse((response) => response.url().includes("via=link"));
      await victim.click("#go");
      expect((await followed).status(), "the link, followed").toBe(403);
      await expect(victim.getByText("cannot use your session")).toBeVisible();
      // The <img>s: 403, or 401 where SameSite=Lax kept the cookie home (localhost is another site).
      expect(requests).toBeGreaterThanOrEqual(3);
      for (const status of answers) expect([401, 403]).toContain(status);
      expect(await exportsSoFar(), "no export was started").toBe(before);
    } finally {
      await client.end();
    }
  });
}

// Safari before 16.4 sends no Sec-Fetch-Site, and a link on another site can hide its Referer
// (rel=noreferrer): such a navigation used to start an export. It now needs a Referer (or Origin)
// of this app, which the app's own download links and forms send. Hand-made, as no such browser runs here.
test("a cookie's export without Fetch Metadata runs only with a Referer of this app", async ({ openPage, baseURL }) => {
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    const exportsSoFar = async () => Number((await client.query<{ count: string }>(`SELECT count(*) FROM audit_event WHERE action = 'export.decisions'`)).rows[0]!.count);
    const page = await openPage();
    await signIn(page, "admin");
    const exportAs = (headers: Record<string, string>) => page.request.get("/api/v1/decisions?format=csv", { headers, maxRedirects: 0 });
    const before = await exportsSoFar();
    expect((await exportAs({})).status(), "no Sec-Fetch-Site, Origin or Referer").toBe(403);
    expect((await exportAs({ referer: "http://evil.example/prize" })).status(), "a Referer of another site").toBe(403);
    expect((await exportAs({ referer: `http://localhost:${attackerPort}/` })).status(), "a Referer on another port").toBe(403);
    expect(await exportsSoFar(), "no export was started").toBe(before);
    expect((await exportAs({ referer: `${baseURL}/exports` })).status(), "the Exports page's own download").toBe(200);
  } finally {
    await client.end();
  }
});

test("a cookie without the app's Origin, or with a body a form can send, is refused; the app's own JSON request passes", async ({ openPage, baseURL }) => {
  const stamp = randomBytes(4).toString("hex");
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    const commentId = await seedPendingComment(client, stamp);
    const page = await openPage();
    await signIn(page, "admin");
    const decide = (headers: Record<string, string>, data: string) => page.request.post(`/api/v1/comments/${commentId}/decisions`, { headers, data, maxRedirects: 0 });
    const body = JSON.stringify({ action: "HIDE", reason: "SPAM", expectedVersion: 0, expectedStatus: "PENDING" });
    const json = { "content-type": "application/json" };

    expect((await decide(json, body)).status(), "no Origin").toBe(403);
    expect((await decide({ ...json, origin: "null" }, body)).status(), "Origin null").toBe(403);
    expect((await decide({ ...json, origin: "http://evil.example" }, body)).status(), "foreign Origin").toBe(403);
    expect((await decide({ ...json, origin: `http://localhost:${attackerPort}` }, body)).status(), "another port").toBe(403);
    expect((await decide({ ...json, origin: baseURL ?? "", "sec-fetch-site": "same-site" }, body)).status(), "Sec-Fetch-Site same-site").toBe(403);
    const plain = await decide({ "content-type": "text/plain", origin: baseURL ?? "" }, body);
    expect(plain.status(), "text/plain from the app's origin").toBe(415);
    expect((await plain.json()).error.message).toContain("application/json");
    const upload = await page.request.post(`/api/v1/imports?fileName=csrf-${stamp}.csv`, { headers: { "content-type": "text/plain", origin: baseURL ?? "" }, data: "article_title,body,posted_at\nA,b,2015-07-23T10:00:00Z\n" });
    expect(upload.status(), "an upload as text/plain").toBe(415);

    const unchanged = await client.query<{ status: string }>(`SELECT status FROM comment WHERE id = $1`, [commentId]);
    expect(unchanged.rows[0]!.status).toBe("PENDING");
    expect((await decide({ ...json, origin: baseURL ?? "" }, body)).status(), "the app's own request").toBe(200);
  } finally {
    await client.end();
  }
});

// Every route handler the build serves, found in its manifest rather than listed here, so that a
// new route cannot leave lib/route.ts's checks out (eighth review): with a signed-in admin's cookie,
// a state change from another port of the same host is a 403 (405 for a method the route does not
// export), and a read started by another site is a 403, before any body is read (`{}` would be a
// 400 from a route that parsed it). Only the sign-in route and the two public reads are public.
const PUBLIC_READS = new Set(["/api/health", "/api/auth/[...all]"]);

function concreteRoute(route: string): string {
  return route.replace("[...all]", "callback/oidc").replace(/\[[^\]]+\]/g, "1");
}

test("every built route handler refuses a signed-in cookie's state change from another origin and a read started by another site", async ({ openPage }) => {
  const handlers = builtRoutes().handlers.filter((route) => route.startsWith("/api/"));
  expect(handlers.length).toBeGreaterThanOrEqual(13);
  const page = await openPage();
  await signIn(page, "admin");
  const foreign = `http://127.0.0.1:${attackerPort}`;
  let refusedStateChanges = 0;
  for (const route of handlers) {
    const url = concreteRoute(route);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      for (const headers of [{ origin: foreign }, { origin: "null" }, { origin: foreign, "sec-fetch-site": "same-site" }] as Record<string, string>[]) {
        const response = await page.request.fetch(url, { method, headers: { ...headers, "content-type": "application/json" }, data: "{}", maxRedirects: 0 });
        expect([403, 405], `${method} ${url} ${JSON.stringify(headers)}`).toContain(response.status());
        if (response.status() === 403) refusedStateChanges += 1;
      }
    }
    if (PUBLIC_READS.has(route)) continue;
    for (const method of ["GET", "HEAD"]) {
      for (const headers of [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, {}, { referer: `${foreign}/` }] as Record<string, string>[]) {
        const response = await page.request.fetch(url, { method, headers, maxRedirects: 0 });
        expect([403, 405], `${method} ${url} ${JSON.stringify(headers)}`).toContain(response.status());
      }
    }
  }
  // The six routes that take a POST (the sign-in among them) each refused all three forgeries.
  expect(refusedStateChanges).toBeGreaterThanOrEqual(6 * 3);
});

test("a page on another origin cannot sign the browser in to an account (login CSRF); a script and the app's own origin can", async ({ playwright, baseURL }) => {
  const { email, password } = credentials().moderator2;
  const api = await playwright.request.newContext({ baseURL });
  try {
    const body = JSON.stringify({ email, password });
    const signIn = (headers: Record<string, string>) => api.post("/api/v1/sessions", { headers, data: body, maxRedirects: 0 });
    const forged = await signIn({ "content-type": "text/plain;charset=UTF-8", origin: `http://127.0.0.1:${attackerPort}` });
    expect(forged.status(), "a no-cors fetch from another port").toBe(403);
    expect(forged.headers()["set-cookie"]).toBeUndefined();
    expect((await signIn({ "content-type": "application/json", origin: "null" })).status(), "Origin null").toBe(403);
    expect((await signIn({ "content-type": "text/plain" })).status(), "a body a form can send").toBe(415);
    expect((await signIn({ "content-type": "application/json" })).status(), "a script").toBe(200);
    expect((await signIn({ "content-type": "application/json", origin: baseURL ?? "" })).status(), "the app's own origin").toBe(200);
  } finally {
    await api.dispose();
  }
});

test("a server action posted as a form without JavaScript (its id in the multipart body, no Next-Action header) from another origin is refused with 403", async ({ request }) => {
  const action = builtRoutes().actions.find((candidate) => candidate.key === "lib/auth/actions.ts#signInAction");
  expect(action).toBeDefined();
  for (const origin of [`http://127.0.0.1:${attackerPort}`, "null"]) {
    const response = await request.post("/sign-in", {
      headers: { Origin: origin },
      multipart: { [`$ACTION_ID_${action?.id ?? ""}`]: "", email: "nobody@e2e.test", password: "not-the-password-1" },
      maxRedirects: 0,
    });
    expect(response.status(), origin).toBe(403);
  }
});

/** A GET of `path` from a loopback address of our choosing, with the given headers: its response headers. */
function getFrom(from: string, path: string, headers: Record<string, string>): Promise<http.IncomingHttpHeaders> {
  const port = Number(process.env.E2E_PORT ?? 3210);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path, method: "GET", localAddress: from, agent: false, headers }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.headers));
    });
    request.on("error", reject);
    request.end();
  });
}

test("X-Forwarded-Proto is believed from the trusted proxy only: a client cannot switch on HSTS for itself", async () => {
  // The e2e server trusts 127.0.0.2 (e2e/support/serve.ts) and is configured with an http MODDESK_URL.
  const direct = await getFrom("127.0.0.1", "/sign-in", { "x-forwarded-proto": "https" });
  expect(direct["strict-transport-security"]).toBeUndefined();
  expect(direct["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  const proxied = await getFrom("127.0.0.2", "/sign-in", { "x-forwarded-proto": "https" });
  expect(proxied["strict-transport-security"]).toContain("max-age=");
  expect(proxied["content-security-policy"]).toContain("upgrade-insecure-requests");
});
