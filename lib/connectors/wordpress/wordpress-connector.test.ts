import { describe, expect, it } from "vitest";
import type { ConnectorFetch } from "../connector";
import { wordpressConfigSchema } from "./config";
import { MAX_EXCLUDED, PAGE_SIZE, pullWindow } from "./pull";
import { wordpressSiteVersion } from "./rest-client";
import { wordpressConnector } from "./wordpress-connector";

// Contract tests: every request the connector makes, answered by a recording fake of the site.

interface Recorded {
  method: string;
  url: URL;
  authorization: string | null;
  body: unknown;
}

function recordingFetch(answer: (request: Recorded) => { status?: number; body: unknown }) {
  const requests: Recorded[] = [];
  const fetchFn: ConnectorFetch = async (url, init) => {
    const headers = new Headers(init?.headers);
    const request: Recorded = { method: init?.method ?? "GET", url: new URL(url), authorization: headers.get("authorization"), body: init?.body ? JSON.parse(String(init.body)) : undefined };
    requests.push(request);
    const { status = 200, body } = answer(request);
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
  return { requests, fetchFn };
}

const config = wordpressConfigSchema.parse({ siteUrl: "https://news.example.org/", username: "desk", applicationPassword: "abcd efgh ijkl", hideStatus: "trash" });

function wpComment(id: number, overrides: Record<string, unknown> = {}) {
  return { id, post: 7, parent: 0, author: 0, author_name: `Reader ${id}`, date: "2026-03-01T10:00:00", date_gmt: "2026-03-01T09:00:00", content: { raw: `<p>Comment <b>${id}</b></p>`, rendered: "" }, status: "approved", meta: [], ...overrides };
}

const post = { id: 7, link: "https://news.example.org/budget/", date_gmt: "2026-02-28T08:00:00", title: { rendered: "Budget &amp; taxes" } };

describe("settings", () => {
  it("refuse a site address with a query or fragment: a token there would be shown and audited with it", () => {
    for (const siteUrl of ["https://news.example.org/?token=abc", "https://news.example.org/#key"]) {
      const parsed = wordpressConfigSchema.safeParse({ siteUrl, username: "a", applicationPassword: "b" });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["siteUrl"]);
    }
  });
  it("refuse a public site over plain http: the application password would cross the network readable", () => {
    for (const siteUrl of ["http://news.example.org", "HTTP://news.example.org/", "http://93.184.216.34"]) {
      const parsed = wordpressConfigSchema.safeParse({ siteUrl, username: "a", applicationPassword: "b" });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ path: ["siteUrl"], message: expect.stringContaining("https://") });
    }
    expect(wordpressConfigSchema.safeParse({ siteUrl: "https://news.example.org", username: "a", applicationPassword: "b" }).success).toBe(true);
    // An admin's explicit "this site is on my network" allows http (a WordPress container beside Moddesk).
    expect(wordpressConfigSchema.safeParse({ siteUrl: "http://wordpress.internal", username: "a", applicationPassword: "b", allowPrivateNetwork: true }).success).toBe(true);
  });
  it("refuse a loopback site unless private networks are allowed, and trim the trailing slash", () => {
    expect(wordpressConfigSchema.safeParse({ siteUrl: "http://127.0.0.1:8080", username: "a", applicationPassword: "b" }).success).toBe(false);
    const allowed = wordpressConfigSchema.parse({ siteUrl: "http://127.0.0.1:8080/", username: "a", applicationPassword: "b", allowPrivateNetwork: true });
    expect(allowed.siteUrl).toBe("http://127.0.0.1:8080");
    expect(allowed.hideStatus).toBe("hold");
  });
});

describe("status maps", () => {
  it("bring spam and trash in hidden, approved and held comments pending; decisions map to WordPress statuses", () => {
    expect(["approved", "hold", "spam", "trash", "post-trashed"].map((status) => wordpressConnector.statusHintFor(status))).toEqual(["PENDING", "PENDING", "HIDDEN", "HIDDEN", "HIDDEN"]);
    expect(wordpressConnector.siteStatusFor(config, "APPROVE")).toBe("approved");
    expect(wordpressConnector.siteStatusFor(config, "HIDE")).toBe("trash");
    expect(wordpressConnector.siteStatusFor({ ...config, hideStatus: "hold" }, "HIDE")).toBe("hold");
    expect(wordpressConnector.siteStatusFor(config, "UNDO")).toBe("hold");
  });
});

describe("pull", () => {
  it("asks for every status with the application password and turns comments, replies and posts into import events", async () => {
    const site = recordingFetch((request) => ({ body: request.url.pathname.endsWith("/comments") ? [wpComment(11), wpComment(12, { parent: 11, status: "spam", author: 3 })] : [post] }));
    const page = await wordpressConnector.pull(config, null, site.fetchFn);
    const [comments, posts] = site.requests;
    expect(comments?.url.pathname).toBe("/wp-json/wp/v2/comments");
    expect(Object.fromEntries(comments!.url.searchParams)).toEqual({ context: "edit", status: "any", orderby: "date_gmt", order: "asc", per_page: String(PAGE_SIZE) });
    expect(comments?.authorization).toBe(`Basic ${Buffer.from("desk:abcd efgh ijkl").toString("base64")}`);
    expect(posts?.url.pathname).toBe("/wp-json/wp/v2/posts");
    expect(posts?.url.searchParams.get("include")).toBe("7");
    expect(page.events[0]).toMatchObject({ type: "article", article: { key: "id:news.example.org/7", externalId: "7", title: "Budget & taxes", url: "https://news.example.org/budget/" } });
    expect(page.events[1]).toMatchObject({ type: "comment", comment: { key: "id:news.example.org/7/11", externalId: "11", source: "wordpress", body: "Comment 11", statusHint: "PENDING", postedAt: new Date("2026-03-01T09:00:00Z") } });
    expect(page.events[2]).toMatchObject({ type: "comment", comment: { parentKey: "id:news.example.org/7/11", statusHint: "HIDDEN", authorExternalId: "3" } });
    expect(page.siteVersions.map((version) => version.siteStatus)).toEqual(["approved", "spam"]);
    expect(page.hasMore).toBe(false);
    expect(JSON.parse(page.nextCursor!)).toEqual({ recent: [[12, "2026-03-01T10:00:00"], [11, "2026-03-01T10:00:00"]] });
  });

  it("resumes an hour (local time) before the newest comment pulled, leaving out the ids already pulled since", async () => {
    const site = recordingFetch(() => ({ body: [] }));
    const cursor = JSON.stringify({ recent: [[12, "2026-03-01T10:00:00"], [11, "2026-03-01T09:20:00"], [9, "2026-03-01T08:59:00"]] });
    const page = await wordpressConnector.pull(config, cursor, site.fetchFn);
    expect(site.requests).toHaveLength(1);
    expect(site.requests[0]?.url.searchParams.get("after")).toBe("2026-03-01T08:59:59");
    expect(site.requests[0]?.url.searchParams.get("exclude")).toBe("12,11");
    expect(page.nextCursor).toBe(cursor);
    expect(page.events).toEqual([]);
    // A cursor stored before the overlap (the ids pulled at the newest second) still resumes.
    const older = recordingFetch(() => ({ body: [] }));
    await wordpressConnector.pull(config, JSON.stringify({ after: "2026-03-01T10:00:00", seenIds: [11, 12] }), older.fetchFn);
    expect(older.requests[0]?.url.searchParams.get("after")).toBe("2026-03-01T08:59:59");
    expect(older.requests[0]?.url.searchParams.get("exclude")).toBe("12,11");
  });

  it("does not lose the comments of the repeated hour when the site's clocks go back (Europe/Berlin, 25 October 2026)", async () => {
    // A site answering as WordPress does: `after` strict on the local date, `exclude`, ordered by date_gmt.
    const onSite = [
      wpComment(1, { date: "2026-10-25T02:30:00", date_gmt: "2026-10-25T00:30:00" }),
      wpComment(2, { date: "2026-10-25T02:50:00", date_gmt: "2026-10-25T00:50:00" }),
    ];
    const site = recordingFetch((request) => {
      if (!request.url.pathname.endsWith("/comments")) return { body: [post] };
      const after = request.url.searchParams.get("after");
      const exclude = (request.url.searchParams.get("exclude") ?? "").split(",").map(Number);
      return { body: onSite.filter((comment) => (!after || comment.date > after) && !exclude.includes(comment.id)).sort((a, b) => a.date_gmt.localeCompare(b.date_gmt)) };
    });
    const first = await wordpressConnector.pull(config, null, site.fetchFn);
    expect(first.siteVersions.map((version) => version.externalId)).toEqual(["1", "2"]);
    // 03:00 CEST becomes 02:00 CET: the next comments have earlier local times than comment 2.
    onSite.push(wpComment(3, { date: "2026-10-25T02:10:00", date_gmt: "2026-10-25T01:10:00" }), wpComment(4, { date: "2026-10-25T03:05:00", date_gmt: "2026-10-25T02:05:00" }));
    const second = await wordpressConnector.pull(config, first.nextCursor, site.fetchFn);
    expect(second.siteVersions.map((version) => version.externalId)).toEqual(["3", "4"]);
    const third = await wordpressConnector.pull(config, second.nextCursor, site.fetchFn);
    expect(third.siteVersions).toEqual([]);
  });

  it("on a site busier than MAX_EXCLUDED an hour, pulls every comment once: the narrowed window stays narrowed", async () => {
    // 400 comments eight seconds apart (53 minutes); 150 and 151 share a second, where the second cut to 250 ids falls.
    // Before the floor, each page asked from the full hour again: the 150 oldest, no longer left out,
    // filled every page, and the newest were never pulled.
    const at = (index: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, 0) + index * 8_000).toISOString().slice(0, 19);
    const onSite = Array.from({ length: MAX_EXCLUDED + 150 }, (_, index) => {
      const date = at(index === 149 ? 150 : index);
      return wpComment(index + 1, { date, date_gmt: date });
    });
    const site = recordingFetch((request) => {
      if (!request.url.pathname.endsWith("/comments")) return { body: [post] };
      const after = request.url.searchParams.get("after");
      const exclude = (request.url.searchParams.get("exclude") ?? "").split(",").map(Number);
      const due = onSite.filter((comment) => (!after || comment.date > after) && !exclude.includes(comment.id));
      return { body: due.sort((a, b) => a.date_gmt.localeCompare(b.date_gmt) || a.id - b.id).slice(0, PAGE_SIZE) };
    });
    let cursor: string | null = null;
    const pulled: string[] = [];
    for (let page = 0; page < 8; page++) {
      const next = await wordpressConnector.pull(config, cursor, site.fetchFn);
      pulled.push(...next.siteVersions.map((version) => version.externalId));
      cursor = next.nextCursor;
    }
    expect(new Set(pulled).size).toBe(onSite.length);
    expect(pulled).toHaveLength(onSite.length);
  });

  it("sends at most MAX_EXCLUDED ids, narrowing the window on a site busier than that per hour", () => {
    const recent = Array.from({ length: MAX_EXCLUDED + 50 }, (_, index): [number, string] => [index + 1, new Date(Date.UTC(2026, 2, 1, 9, 0, 0) + index * 10_000).toISOString().slice(0, 19)]);
    const window = pullWindow(recent)!;
    expect(window.recent).toHaveLength(MAX_EXCLUDED);
    expect(window.recent[0]).toEqual(recent.at(-1));
    // 300 ids ten seconds apart from 09:00:00: the 250 newest start with id 51, at 09:08:20.
    expect(window.recent.at(-1)).toEqual([51, "2026-03-01T09:08:20"]);
    expect(window.after).toBe("2026-03-01T09:08:19");
    expect(pullWindow([])).toBeNull();
  });

  it("says in words why the site refused", async () => {
    const site = recordingFetch(() => ({ status: 401, body: { code: "incorrect_password", message: "The provided password is an invalid application password." } }));
    await expect(wordpressConnector.pull(config, null, site.fetchFn)).rejects.toThrow(/HTTP 401 incorrect_password.*application password/);
  });

  it("tells a refused password from credentials WordPress never saw, and shows its HTML messages as text", async () => {
    const unknownUser = recordingFetch(() => ({ status: 401, body: { code: "invalid_username", message: "<strong>Error:</strong> Unknown username. Check again or try your email address." } }));
    await expect(wordpressConnector.pull(config, null, unknownUser.fetchFn)).rejects.toThrow("HTTP 401 invalid_username: Error: Unknown username. Check again or try your email address. (WordPress refused the user name or the password");
    // What a real WordPress 6.1 answers without an Authorization header, and also with a wrong password.
    const anonymous = recordingFetch(() => ({ status: 401, body: { code: "rest_forbidden_context", message: "Sorry, you are not allowed to edit comments." } }));
    await expect(wordpressConnector.pull(config, null, anonymous.fetchFn)).rejects.toThrow(/HTTP 401 rest_forbidden_context: .*anonymous: check the user name and the application password.*Authorization header/);
    const disabled = recordingFetch(() => ({ status: 401, body: { code: "application_passwords_disabled", message: "Application passwords are not available." } }));
    await expect(wordpressConnector.pull(config, null, disabled.fetchFn)).rejects.toThrow(/not available\. \(WordPress offers application passwords only .*https/);
  });
});

describe("push", () => {
  const seen = wpComment(11);
  const request = { externalId: "11", decision: "HIDE" as const, siteStatus: "trash", reason: "ABUSIVE", note: "insults", expectedSiteVersion: wordpressSiteVersion(seen) };

  it("reads the comment, then writes the status and the reason when the site registers the meta key", async () => {
    const site = recordingFetch((recorded) => ({ body: recorded.method === "GET" ? { ...seen, meta: { moddesk_reason: "" } } : { ...seen, status: "trash" } }));
    const outcome = await wordpressConnector.push(config, request, site.fetchFn);
    expect(site.requests.map((recorded) => `${recorded.method} ${recorded.url.pathname}`)).toEqual(["GET /wp-json/wp/v2/comments/11", "POST /wp-json/wp/v2/comments/11"]);
    expect(site.requests[1]?.body).toEqual({ status: "trash", meta: { moddesk_reason: "ABUSIVE: insults" } });
    expect(outcome).toEqual({ outcome: "applied", siteVersion: wordpressSiteVersion({ ...seen, status: "trash" }) });
  });

  it("writes the status alone when the meta key is not registered", async () => {
    const site = recordingFetch((recorded) => ({ body: recorded.method === "GET" ? seen : { ...seen, status: "trash" } }));
    await wordpressConnector.push(config, request, site.fetchFn);
    expect(site.requests[1]?.body).toEqual({ status: "trash" });
  });

  it("does not write when the comment changed on the site since Moddesk saw it", async () => {
    const site = recordingFetch(() => ({ body: { ...seen, status: "hold" } }));
    const outcome = await wordpressConnector.push(config, request, site.fetchFn);
    expect(site.requests).toHaveLength(1);
    expect(outcome).toMatchObject({ outcome: "conflict", siteStatus: "hold", detail: "the comment is 'hold' on the site; Moddesk last saw it 'approved'" });
    const edited = recordingFetch(() => ({ body: { ...seen, content: { raw: "edited" } } }));
    expect(await wordpressConnector.push(config, request, edited.fetchFn)).toMatchObject({ outcome: "conflict", detail: /edited on the site/ });
  });

  it("is done without writing when the site already has the wanted status, and writes anyway without an expected version", async () => {
    const already = recordingFetch(() => ({ body: { ...seen, status: "trash" } }));
    expect(await wordpressConnector.push(config, request, already.fetchFn)).toMatchObject({ outcome: "applied" });
    expect(already.requests).toHaveLength(1);
    const forced = recordingFetch((recorded) => ({ body: recorded.method === "GET" ? { ...seen, status: "hold" } : { ...seen, status: "trash" } }));
    expect(await wordpressConnector.push(config, { ...request, expectedSiteVersion: undefined }, forced.fetchFn)).toMatchObject({ outcome: "applied" });
    expect(forced.requests).toHaveLength(2);
  });

  it("retries server errors, gives up on refusals and on comments deleted from the site", async () => {
    const answers = [500, 429, 403, 404];
    const outcomes = await Promise.all(answers.map((status) => wordpressConnector.push(config, request, recordingFetch(() => ({ status, body: { code: "x", message: "no" } })).fetchFn)));
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(["retry", "retry", "failed", "failed"]);
    expect(outcomes[3]).toMatchObject({ detail: /no longer exists/ });
    const down: ConnectorFetch = () => Promise.reject(new TypeError("fetch failed"));
    expect(await wordpressConnector.push(config, request, down)).toMatchObject({ outcome: "retry", detail: /could not reach the site/ });
  });

  it("hands on the site's Retry-After with a 429 or 503, whether reading or writing", async () => {
    const limited = (status: number, when: string, on: "GET" | "POST"): ConnectorFetch => async (_url, init) =>
      (init?.method ?? "GET") === on
        ? new Response(JSON.stringify({ code: "too_many", message: "slow down" }), { status, headers: { "content-type": "application/json", "retry-after": when } })
        : new Response(JSON.stringify({ ...seen, meta: [] }), { headers: { "content-type": "application/json" } });
    expect(await wordpressConnector.push(config, request, limited(429, "120", "GET"))).toMatchObject({ outcome: "retry", retryAfter: "120", detail: /HTTP 429/ });
    expect(await wordpressConnector.push(config, request, limited(503, "Mon, 07 Dec 2026 05:10:00 GMT", "POST"))).toMatchObject({ outcome: "retry", retryAfter: "Mon, 07 Dec 2026 05:10:00 GMT" });
    const plain = await wordpressConnector.push(config, request, recordingFetch(() => ({ status: 500, body: {} })).fetchFn);
    expect(plain).not.toHaveProperty("retryAfter");
  });
});
