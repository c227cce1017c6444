import { describe, expect, it } from "vitest";
import type { ConnectorFetch } from "../connector";
import { disqusPostSchema } from "./api-shapes";
import { disqusConnector } from "./disqus-connector";
import { actionOk, detailsApprovedFlagged, detailsRemoved, emptyPage, errorAnswer, FORUM, listPage1, listPage2 } from "./fixtures";
import { siteVersionOf } from "./map-post";

// Contract test: every request the Disqus connector makes (method, URL, parameters, auth) and
// what it makes of answers in Disqus's documented shapes.

interface Recorded {
  method: string;
  url: string;
  path: string;
  query: Array<[string, string]>;
  body: Array<[string, string]> | null;
  contentType: string | null;
  hasTimeout: boolean;
}

type Answer = { status?: number; json?: unknown; text?: string; headers?: Record<string, string> } | Error;

function recordingFetch(answers: Answer[]): { fetch: ConnectorFetch; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const fetch: ConnectorFetch = async (url, init) => {
    const parsed = new URL(url);
    const headers = new Headers(init?.headers);
    requests.push({
      method: init?.method ?? "GET",
      url,
      path: `${parsed.origin}${parsed.pathname}`,
      query: [...parsed.searchParams.entries()],
      body: typeof init?.body === "string" ? [...new URLSearchParams(init.body).entries()] : null,
      contentType: headers.get("content-type"),
      hasTimeout: init?.signal instanceof AbortSignal,
    });
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected request ${url}`);
    if (answer instanceof Error) throw answer;
    return new Response(answer.text ?? JSON.stringify(answer.json), { status: answer.status ?? 200, headers: { "content-type": "application/json", ...answer.headers } });
  };
  return { fetch, requests };
}

/** The flagged reply of listPage1 and its removed state, as the connector reads them. */
const flaggedReply = disqusPostSchema.parse(listPage1.response[1]);
const removedReply = disqusPostSchema.parse(detailsRemoved.response);

const config = disqusConnector.configSchema.parse({ forum: FORUM, apiKey: "pub-key", apiSecret: "secret-key", accessToken: "mod-token" });
const AUTH: Array<[string, string]> = [
  ["api_key", "pub-key"],
  ["api_secret", "secret-key"],
  ["access_token", "mod-token"],
];

describe("Disqus pull (forums/listPosts)", () => {
  it("asks for every status, oldest first, with threads, and pages with Disqus's cursor", async () => {
    const { fetch, requests } = recordingFetch([{ json: listPage1 }, { json: listPage2 }]);
    const first = await disqusConnector.pull(config, null, fetch);
    expect(requests[0]).toMatchObject({ method: "GET", path: "https://disqus.com/api/3.0/forums/listPosts.json", body: null, hasTimeout: true });
    expect(requests[0]?.query).toEqual([
      ["forum", FORUM],
      ["limit", "100"],
      ["order", "asc"],
      ["related", "thread"],
      ["include", "unapproved"],
      ["include", "approved"],
      ["include", "spam"],
      ["include", "deleted"],
      ["include", "flagged"],
      ...AUTH,
    ]);
    expect(JSON.parse(first.nextCursor ?? "null")).toEqual({ cursor: "1764489600000000:0:1" });

    const second = await disqusConnector.pull(config, first.nextCursor, fetch);
    expect(requests[1]?.query).toContainEqual(["cursor", "1764489600000000:0:1"]);
    expect(requests[1]?.query.some(([name]) => name === "since")).toBe(false);
    // The last page: the next run starts from the newest post seen (2026-11-30T09:15:00Z).
    expect(JSON.parse(second.nextCursor ?? "null")).toEqual({ since: Date.parse("2026-11-30T09:15:00Z") / 1000 });

    const { fetch: later, requests: laterRequests } = recordingFetch([{ json: emptyPage }]);
    const nothing = await disqusConnector.pull(config, second.nextCursor, later);
    expect(laterRequests[0]?.query).toContainEqual(["since", String(Date.parse("2026-11-30T09:15:00Z") / 1000)]);
    expect(nothing).toEqual({ events: [], siteVersions: [], reports: [], nextCursor: null });
  });

  it("maps threads to articles, parents to replies, flags to statuses and readers' flags to reports", async () => {
    const { fetch } = recordingFetch([{ json: listPage1 }]);
    const page = await disqusConnector.pull(config, null, fetch);
    const articles = page.events.flatMap((event) => (event.type === "article" ? [event.article] : []));
    const comments = page.events.flatMap((event) => (event.type === "comment" ? [event.comment] : []));
    expect(articles).toEqual([
      { key: `id:${FORUM}/article-5521`, externalId: "article-5521", title: "Flooding closes the harbour road", url: "https://gazette.example/news/harbour-road", publishedAt: new Date("2026-11-30T06:00:00Z") },
      { key: "url:https://gazette.example/news/budget", title: "Council budget vote delayed", url: "https://gazette.example/news/budget", publishedAt: new Date("2026-11-30T08:00:00Z") },
    ]);
    expect(comments.map((comment) => [comment.key, comment.articleKey, comment.parentKey, comment.statusHint, comment.authorName, comment.authorExternalId, comment.body, comment.postedAt.toISOString()])).toEqual([
      [`id:${FORUM}/880001`, `id:${FORUM}/article-5521`, undefined, "APPROVED", "Mira Haddad", "mira_h", "The road was shut at dawn & buses rerouted.", "2026-11-30T07:12:05.000Z"],
      // Approved on Disqus but flagged by readers: the desk sees it.
      [`id:${FORUM}/880002`, `id:${FORUM}/article-5521`, `id:${FORUM}/880001`, "PENDING", "guest reader", undefined, "Typical. They never fix the drains.", "2026-11-30T07:20:41.000Z"],
      [`id:${FORUM}/880003`, "url:https://gazette.example/news/budget", undefined, "HIDDEN", "Mira Haddad", "mira_h", "Buy cheap watches at example.biz", "2026-11-30T08:30:00.000Z"],
    ]);
    expect(comments.every((comment) => comment.source === "disqus")).toBe(true);
    expect(JSON.stringify(page.events)).not.toMatch(/example\.org|203\.0\.113/);
    expect(page.siteVersions.map((version) => [version.externalId, version.siteStatus])).toEqual([
      ["880001", "approved"],
      ["880002", "approved"],
      ["880003", "spam"],
    ]);
    expect(page.siteVersions[1]?.siteVersion).toBe(siteVersionOf(flaggedReply));
    expect(page.reports).toEqual([{ externalId: "880002", reports: [{ reason: "other", count: 3, note: "flagged by readers on Disqus" }] }]);
  });

  it("keeps unapproved posts pending, skips deleted posts without text, and reviews approved ones when asked", async () => {
    const { fetch } = recordingFetch([{ json: listPage2 }, { json: listPage1 }]);
    const page = await disqusConnector.pull(config, null, fetch);
    expect(page.events.map((event) => event.type)).toEqual(["article", "comment", "warning"]);
    expect(page.events[1]?.type === "comment" && page.events[1].comment.statusHint).toBe("PENDING");
    expect(page.events[2]?.type === "warning" && page.events[2].warning.message).toBe("Disqus post 880005 was deleted on Disqus and has no text left; skipped");

    const reviewing = disqusConnector.configSchema.parse({ ...config, reviewApproved: true });
    const reviewed = await disqusConnector.pull(reviewing, null, fetch);
    expect(reviewed.events.flatMap((event) => (event.type === "comment" ? [event.comment.statusHint] : []))).toEqual(["PENDING", "PENDING", "HIDDEN"]);
  });

  it("says whether a failed pull is worth retrying", async () => {
    const cases: Array<[Answer, boolean, RegExp]> = [
      [{ status: 429, json: errorAnswer(13, "You have exceeded the rate limit for this resource.") }, true, /Disqus error 13 \(rate limit/],
      [{ status: 503, text: "<html>Service Unavailable</html>" }, true, /HTTP 503/],
      [{ status: 500, json: errorAnswer(15, "Internal error") }, true, /Disqus error 15/],
      [new TypeError("fetch failed"), true, /fetch failed/],
      [{ status: 400, json: errorAnswer(5, "Invalid API key") }, false, /Disqus error 5 \(invalid API key\)/],
      [{ status: 403, json: errorAnswer(12, "This application does not have enough privileges") }, false, /Disqus error 12/],
      [{ json: { code: 0, cursor: {}, response: [{ id: 1 }] } }, false, /unexpected answer \(response\.0\.id/],
    ];
    for (const [answer, retryable, message] of cases) {
      const { fetch } = recordingFetch([answer]);
      const error = await disqusConnector.pull(config, null, fetch).catch((caught: unknown) => caught);
      expect(error, String(message)).toMatchObject({ name: "DisqusApiError", retryable });
      expect((error as Error).message).toMatch(message);
    }
    await expect(disqusConnector.pull(config, "not a cursor", recordingFetch([]).fetch)).rejects.toMatchObject({ retryable: false });
  });
});

describe("Disqus push (posts/approve, remove, spam, restore)", () => {
  const postRequest = (resource: string, id: string) => ({ method: "POST", path: `https://disqus.com/api/3.0/${resource}.json`, query: [], contentType: "application/x-www-form-urlencoded", body: [["post", id], ...AUTH], hasTimeout: true });

  it("approves and hides with one form-encoded POST each, as configured", async () => {
    const { fetch, requests } = recordingFetch([{ json: actionOk("880004") }, { json: actionOk("880004") }, { json: actionOk("880004") }]);
    expect(await disqusConnector.push(config, { externalId: "880004", decision: "APPROVE", siteStatus: "approved" }, fetch)).toEqual({ outcome: "applied" });
    expect(await disqusConnector.push(config, { externalId: "880004", decision: "HIDE", siteStatus: "deleted", reason: "ABUSIVE" }, fetch)).toEqual({ outcome: "applied" });
    const spamming = disqusConnector.configSchema.parse({ ...config, hideAs: "spam" });
    expect(await disqusConnector.push(spamming, { externalId: "880004", decision: "HIDE", siteStatus: "spam" }, fetch)).toEqual({ outcome: "applied" });
    expect(requests).toMatchObject([postRequest("posts/approve", "880004"), postRequest("posts/remove", "880004"), postRequest("posts/spam", "880004")]);
    expect(requests.map((request) => request.url)).toEqual(["posts/approve", "posts/remove", "posts/spam"].map((resource) => `https://disqus.com/api/3.0/${resource}.json`));
  });

  it("checks the post first when Moddesk knows its version: unchanged → acts, changed on Disqus → conflict and nothing sent", async () => {
    const seen = siteVersionOf(flaggedReply);
    const { fetch, requests } = recordingFetch([{ json: detailsApprovedFlagged }, { json: actionOk("880002") }]);
    const applied = await disqusConnector.push(config, { externalId: "880002", decision: "HIDE", siteStatus: "deleted", expectedSiteVersion: seen }, fetch);
    expect(requests[0]).toMatchObject({ method: "GET", path: "https://disqus.com/api/3.0/posts/details.json", query: [["post", "880002"], ...AUTH] });
    expect(requests[1]).toMatchObject(postRequest("posts/remove", "880002"));
    expect(applied).toEqual({ outcome: "applied", siteVersion: siteVersionOf({ ...flaggedReply, isDeleted: true, isApproved: true }) });

    const { fetch: moved, requests: movedRequests } = recordingFetch([{ json: detailsRemoved }]);
    const conflict = await disqusConnector.push(config, { externalId: "880002", decision: "APPROVE", siteStatus: "approved", expectedSiteVersion: seen }, moved);
    expect(conflict).toMatchObject({ outcome: "conflict", siteStatus: "deleted", detail: expect.stringContaining("changed on Disqus") });
    expect(movedRequests).toHaveLength(1);
  });

  it("undoes a hide with posts/restore, and an approve not at all (Disqus cannot un-approve)", async () => {
    const { fetch, requests } = recordingFetch([{ json: detailsRemoved }, { json: actionOk("880002") }, { json: detailsApprovedFlagged }]);
    expect(await disqusConnector.push(config, { externalId: "880002", decision: "UNDO", siteStatus: "restored" }, fetch)).toEqual({ outcome: "applied" });
    expect(requests[1]).toMatchObject(postRequest("posts/restore", "880002"));
    expect(await disqusConnector.push(config, { externalId: "880002", decision: "UNDO", siteStatus: "restored" }, fetch)).toEqual({ outcome: "applied", siteVersion: siteVersionOf(flaggedReply) });
    expect(requests.map((request) => request.path.split("/3.0/")[1])).toEqual(["posts/details.json", "posts/restore.json", "posts/details.json"]);
  });

  it("restores a removed post before approving it", async () => {
    const { fetch, requests } = recordingFetch([{ json: detailsRemoved }, { json: actionOk("880002") }, { json: actionOk("880002") }]);
    const outcome = await disqusConnector.push(config, { externalId: "880002", decision: "APPROVE", siteStatus: "approved", expectedSiteVersion: siteVersionOf(removedReply) }, fetch);
    expect(outcome.outcome).toBe("applied");
    expect(requests.map((request) => request.path.split("/3.0/")[1])).toEqual(["posts/details.json", "posts/restore.json", "posts/approve.json"]);
  });

  it("turns rate limits, outages and timeouts into retry, and bad credentials or a missing post into failed", async () => {
    const cases: Array<[Answer, string, RegExp]> = [
      [{ status: 429, json: errorAnswer(14, "You have exceeded the rate limit for your account.") }, "retry", /rate limit for the account/],
      [{ status: 502, text: "Bad Gateway" }, "retry", /HTTP 502/],
      [new DOMException("The operation was aborted due to timeout", "TimeoutError"), "retry", /timeout/],
      [{ status: 200, text: "<html>maintenance</html>" }, "retry", /not JSON/],
      [{ status: 400, json: errorAnswer(4, "You must provide an authenticated user for this method") }, "failed", /access token/],
      [{ status: 400, json: errorAnswer(8, "A requested object was not found") }, "failed", /object was not found/],
      [{ status: 403, json: errorAnswer(17, "Not a moderator") }, "failed", /moderator of the forum/],
      [{ status: 404, text: "" }, "failed", /HTTP 404/],
    ];
    for (const [answer, outcome, detail] of cases) {
      const { fetch } = recordingFetch([answer]);
      const result = await disqusConnector.push(config, { externalId: "880004", decision: "HIDE", siteStatus: "deleted" }, fetch);
      expect(result, String(detail)).toMatchObject({ outcome });
      expect("detail" in result ? result.detail : "").toMatch(detail);
    }
  });

  it("hands on Disqus's Retry-After with a rate limit or an outage", async () => {
    const push = (answer: Answer) => disqusConnector.push(config, { externalId: "880004", decision: "HIDE", siteStatus: "deleted" }, recordingFetch([answer]).fetch);
    expect(await push({ status: 429, json: errorAnswer(13, "You have exceeded the rate limit for this resource."), headers: { "retry-after": "90" } })).toMatchObject({ outcome: "retry", retryAfter: "90" });
    expect(await push({ status: 503, text: "Service Unavailable", headers: { "retry-after": "30" } })).toMatchObject({ outcome: "retry", retryAfter: "30" });
    expect(await push({ status: 503, text: "Service Unavailable" })).not.toHaveProperty("retryAfter");
  });
});

describe("Disqus statuses and settings", () => {
  it("maps decisions to Disqus statuses and Disqus statuses to Moddesk's", () => {
    expect(["APPROVE", "HIDE", "UNDO"].map((decision) => disqusConnector.siteStatusFor(config, decision as "APPROVE"))).toEqual(["approved", "deleted", "restored"]);
    expect(["approved", "unapproved", "spam", "deleted", "restored"].map(disqusConnector.statusHintFor)).toEqual(["APPROVED", "PENDING", "HIDDEN", "HIDDEN", "PENDING"]);
  });

  it("refuses settings that could not work, before any request", () => {
    expect(disqusConnector.configSchema.safeParse({ forum: "harbour gazette", apiKey: "k", apiSecret: "s", accessToken: "t" }).success).toBe(false);
    expect(disqusConnector.configSchema.safeParse({ forum: FORUM, apiKey: "k", apiSecret: "s" }).success).toBe(false);
    expect(disqusConnector.configSchema.safeParse({ ...config, pageSize: 101 }).success).toBe(false);
  });
});
