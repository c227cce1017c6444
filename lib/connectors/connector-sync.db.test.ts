import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decideComment } from "@/lib/moderation/decide-comment";
import { makeModerator, uniqueId } from "@/lib/moderation/test-factories";
import { createRule } from "@/lib/rules/create-rule";
import { ruleDraftSchema } from "@/lib/rules/rule-draft-schema";
import { undoDecision } from "@/lib/moderation/undo-decision";
import { sealJson } from "@/lib/security/sealed-json";
import type { ConnectorFetch } from "./connector";
import { openConnectorSecrets } from "./connector-secrets";
import { loadConnector, saveConnectorSettings } from "./connector-settings";
import { drainConnector } from "./drain-push-outbox";
import { getConnectorView } from "./queries";
import { resolveConnectorPush } from "./resolve-push";
import { syncConnector } from "./sync-connector";

// The shared database side against a fake WordPress held in memory (the real one is in
// e2e/wordpress.spec.ts): sync, outbox rows written by decisions, pushes, undo, conflicts.

interface SiteComment {
  id: number;
  post: number;
  parent: number;
  author: number;
  author_name: string;
  date: string;
  date_gmt: string;
  content: { raw: string };
  status: string;
  meta: Record<string, unknown> | [];
}

function fakeWordpress() {
  const comments: SiteComment[] = [];
  const writes: Array<{ id: number; body: unknown }> = [];
  let down = false;
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const fetchFn: ConnectorFetch = async (raw, init) => {
    if (down) return json({ code: "down", message: "Service unavailable" }, 503);
    const url = new URL(raw);
    const path = url.pathname.replace("/wp-json", "");
    if (path === "/wp/v2/comments") {
      const after = url.searchParams.get("after");
      const exclude = (url.searchParams.get("exclude") ?? "").split(",").filter(Boolean).map(Number);
      return json(comments.filter((comment) => (!after || comment.date > after) && !exclude.includes(comment.id)).slice(0, Number(url.searchParams.get("per_page"))));
    }
    if (path === "/wp/v2/posts") return json([{ id: 5, link: "https://blog.example.net/a-post/", date_gmt: "2026-01-01T08:00:00", title: { rendered: "A post" } }]);
    const match = /^\/wp\/v2\/comments\/(\d+)$/.exec(path);
    const comment = match ? comments.find((candidate) => candidate.id === Number(match[1])) : undefined;
    if (!comment) return json({ code: "rest_comment_invalid_id" }, 404);
    if (init?.method === "POST") {
      const body = JSON.parse(String(init.body)) as { status: string; meta?: Record<string, string> };
      writes.push({ id: comment.id, body });
      comment.status = body.status;
      if (body.meta && !Array.isArray(comment.meta)) Object.assign(comment.meta, body.meta);
    }
    return json(comment);
  };
  const add = (id: number, overrides: Partial<SiteComment> = {}) =>
    comments.push({ id, post: 5, parent: 0, author: 0, author_name: `Reader ${id}`, date: `2026-01-02T10:00:${String(id).padStart(2, "0")}`, date_gmt: `2026-01-02T09:00:${String(id).padStart(2, "0")}`, content: { raw: `Comment number ${id} on the post` }, status: "approved", meta: { moddesk_reason: "" }, ...overrides });
  return { comments, writes, fetchFn, add, setDown: (value: boolean) => (down = value) };
}

const admin = { id: null, label: "connector-test" };

async function linkedComment(externalId: string) {
  const link = await db.connectorComment.findFirstOrThrow({ where: { externalId }, select: { commentId: true } });
  return db.comment.findUniqueOrThrow({ where: { id: link.commentId }, select: { id: true, status: true, version: true, parentId: true } });
}

describe("the WordPress connector's sync and push outbox", () => {
  it("pulls, links, pushes decisions in order, undoes, and stops at a change made on the site", async () => {
    const site = fakeWordpress();
    site.add(1);
    site.add(2, { parent: 1, status: "hold" });
    site.add(3, { status: "spam" });
    await saveConnectorSettings("wordpress", { siteUrl: "https://blog.example.net", username: "desk", applicationPassword: "pass word", hideStatus: "trash" }, true, admin);
    const view = await getConnectorView("wordpress");
    expect(view).toMatchObject({ hasSecret: true, settings: { siteUrl: "https://blog.example.net", username: "desk", hideStatus: "trash" } });
    expect(JSON.stringify(view?.settings)).not.toContain("pass word");

    const first = await syncConnector("wordpress", "manual", admin, { fetchFn: site.fetchFn });
    expect(first).toMatchObject({ status: "COMPLETED", pulled: 3, added: 3 });
    const [one, two, three] = [await linkedComment("1"), await linkedComment("2"), await linkedComment("3")];
    expect([one.status, two.status, three.status]).toEqual(["PENDING", "PENDING", "HIDDEN"]);
    expect(two.parentId).toBe(one.id);

    // Nothing new: the cursor moved past what was pulled.
    site.add(4);
    expect(await syncConnector("wordpress", "cli", admin, { fetchFn: site.fetchFn })).toMatchObject({ status: "COMPLETED", pulled: 1, added: 1 });

    const moderator = await makeModerator();
    const hidden = await decideComment({ action: "HIDE", commentId: one.id, expectedVersion: one.version, expectedStatus: "PENDING", reason: "ABUSIVE", note: "name-calling" }, moderator);
    await decideComment({ action: "APPROVE", commentId: two.id, expectedVersion: two.version, expectedStatus: "PENDING" }, moderator);
    expect(await db.connectorPush.count({ where: { commentId: { in: [one.id, two.id] }, status: "PENDING" } })).toBe(2);

    const connectorId = view!.id;
    expect(await drainConnector(connectorId, site.fetchFn)).toBe(2);
    expect(site.comments.find((comment) => comment.id === 1)).toMatchObject({ status: "trash", meta: { moddesk_reason: "ABUSIVE: name-calling" } });
    expect(site.comments.find((comment) => comment.id === 2)?.status).toBe("approved");

    // Undo puts back what the site had before Moddesk's push.
    await undoDecision({ decisionId: hidden.decisionId, expectedVersion: hidden.version }, moderator);
    await drainConnector(connectorId, site.fetchFn);
    expect(site.comments.find((comment) => comment.id === 1)?.status).toBe("approved");

    // Changed on the site since: no write, a conflict the desk resolves.
    const four = await linkedComment("4");
    site.comments.find((comment) => comment.id === 4)!.status = "hold";
    await decideComment({ action: "HIDE", commentId: four.id, expectedVersion: four.version, expectedStatus: "PENDING", reason: "SPAM" }, moderator);
    const writesBefore = site.writes.length;
    await drainConnector(connectorId, site.fetchFn);
    expect(site.writes.length).toBe(writesBefore);
    const conflict = await db.connectorPush.findFirstOrThrow({ where: { commentId: four.id } });
    expect(conflict).toMatchObject({ status: "CONFLICT", siteStatus: "hold", conflictDetail: "the comment is 'hold' on the site; Moddesk last saw it 'approved'" });
    expect(await db.auditEvent.count({ where: { action: "connector.conflict", entityId: String(four.id) } })).toBe(1);

    await resolveConnectorPush(conflict.id, "push-anyway", admin);
    await expect(resolveConnectorPush(conflict.id, "accept-site", admin)).rejects.toThrow(/pending now/);
    await drainConnector(connectorId, site.fetchFn);
    expect(site.comments.find((comment) => comment.id === 4)?.status).toBe("trash");
    expect(await db.connectorPush.findUniqueOrThrow({ where: { id: conflict.id } })).toMatchObject({ status: "APPLIED" });
  });

  it("retries a site that is down with growing delays, and records a failed sync in words", async () => {
    const site = fakeWordpress();
    site.setDown(true);
    const failed = await syncConnector("wordpress", "manual", admin, { fetchFn: site.fetchFn });
    expect(failed).toMatchObject({ status: "FAILED", error: expect.stringMatching(/HTTP 503/) });
    expect(await getConnectorView("wordpress")).toMatchObject({ lastError: expect.stringMatching(/HTTP 503/) });

    const link = await db.connectorComment.findFirstOrThrow({ where: { externalId: "2" } });
    const comment = await db.comment.findUniqueOrThrow({ where: { id: link.commentId }, select: { version: true, status: true } });
    const moderator = await makeModerator();
    await decideComment({ action: "HIDE", commentId: link.commentId, expectedVersion: comment.version, expectedStatus: comment.status, reason: "OFF_TOPIC" }, moderator);
    await drainConnector(link.connectorId, site.fetchFn);
    const push = await db.connectorPush.findFirstOrThrow({ where: { commentId: link.commentId }, orderBy: { id: "desc" } });
    expect(push).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/HTTP 503/) });
    expect(push.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("hides on the site what a rule hid as it came in, and keeping the site's state settles a conflict", async () => {
    const site = fakeWordpress();
    const word = uniqueId("watchez").replaceAll("-", "");
    await createRule(ruleDraftSchema.parse({ name: uniqueId("connector-rule"), category: "SPAM", kind: "TERMS", config: { terms: [word] }, severity: 2, action: "AUTO_HIDE" }), admin);
    site.add(30, { content: { raw: `cheap ${word} here` } });
    site.add(31);
    expect(await syncConnector("wordpress", "manual", admin, { fetchFn: site.fetchFn })).toMatchObject({ status: "COMPLETED", added: 2 });
    const spam = await linkedComment("30");
    expect(spam.status).toBe("HIDDEN");
    const view = await getConnectorView("wordpress");
    await drainConnector(view!.id, site.fetchFn);
    expect(site.comments.find((comment) => comment.id === 30)?.status).toBe("trash");

    const other = await linkedComment("31");
    site.comments.find((comment) => comment.id === 31)!.status = "spam";
    const moderator = await makeModerator();
    await decideComment({ action: "APPROVE", commentId: other.id, expectedVersion: other.version, expectedStatus: "PENDING" }, moderator);
    await drainConnector(view!.id, site.fetchFn);
    const conflict = await db.connectorPush.findFirstOrThrow({ where: { commentId: other.id } });
    expect(conflict.status).toBe("CONFLICT");
    await resolveConnectorPush(conflict.id, "accept-site", admin);
    expect(site.comments.find((comment) => comment.id === 31)?.status).toBe("spam");
    expect(await db.connectorComment.findUniqueOrThrow({ where: { commentId: other.id } })).toMatchObject({ siteStatus: "spam", previousSiteStatus: "approved" });
    // The next decision is checked against the state the desk accepted: no new conflict.
    const approved = await db.comment.findUniqueOrThrow({ where: { id: other.id }, select: { version: true } });
    await decideComment({ action: "HIDE", commentId: other.id, expectedVersion: approved.version, expectedStatus: "APPROVED", reason: "SPAM" }, moderator);
    await drainConnector(view!.id, site.fetchFn);
    expect(site.comments.find((comment) => comment.id === 31)?.status).toBe("trash");
    expect(await db.auditEvent.count({ where: { action: "connector.keep_site_state", entityId: String(other.id) } })).toBe(1);

    // Approving a comment the site already shows changes nothing there, and undoing it leaves it shown.
    site.add(32);
    await syncConnector("wordpress", "manual", admin, { fetchFn: site.fetchFn });
    const live = await linkedComment("32");
    const approval = await decideComment({ action: "APPROVE", commentId: live.id, expectedVersion: live.version, expectedStatus: "PENDING" }, moderator);
    await drainConnector(view!.id, site.fetchFn);
    await undoDecision({ decisionId: approval.decisionId, expectedVersion: approval.version }, moderator);
    const writesBefore = site.writes.length;
    await drainConnector(view!.id, site.fetchFn);
    expect(site.comments.find((comment) => comment.id === 32)?.status).toBe("approved");
    expect(site.writes.length).toBe(writesBefore);
    expect(await db.connectorPush.count({ where: { commentId: live.id, status: "APPLIED" } })).toBe(2);
  });

  it("records the site's reader-report tallies (moddesk_reports meta) once, and a bad tally is a warning, not a lost comment", async () => {
    const site = fakeWordpress();
    site.add(40, { meta: { moddesk_reason: "", moddesk_reports: { abusive: 2, spam: 1 } } });
    site.add(41, { meta: { moddesk_reason: "", moddesk_reports: "{\"rude\": 1}" } });
    const first = await syncConnector("wordpress", "manual", admin, { fetchFn: site.fetchFn });
    expect(first).toMatchObject({ status: "COMPLETED", added: 2, rejected: 0, reported: 1 });
    const reported = await linkedComment("40");
    expect(await db.comment.findUniqueOrThrow({ where: { id: reported.id }, select: { reportCount: true, reportPriority: true } })).toEqual({ reportCount: 3, reportPriority: 20 });
    const batch = await db.importBatch.findFirstOrThrow({ where: { via: "connector" }, orderBy: { id: "desc" }, select: { id: true } });
    expect(await db.auditEvent.count({ where: { action: "comment.report", entityId: String(batch.id) } })).toBe(1);
    expect(await db.comment.findUniqueOrThrow({ where: { id: (await linkedComment("41")).id }, select: { reportCount: true } })).toEqual({ reportCount: 0 });

    // The site's tally rose: the next pull of the comment (a re-sync from scratch here) adds the difference only.
    site.comments.find((comment) => comment.id === 40)!.meta = { moddesk_reason: "", moddesk_reports: { abusive: 4, spam: 1 } };
    const connector = await db.connector.findUniqueOrThrow({ where: { kind: "wordpress" }, select: { id: true } });
    await db.connector.update({ where: { id: connector.id }, data: { cursor: null } });
    expect(await syncConnector("wordpress", "manual", admin, { fetchFn: site.fetchFn })).toMatchObject({ status: "COMPLETED", added: 0 });
    expect(await db.comment.findUniqueOrThrow({ where: { id: reported.id }, select: { reportCount: true } })).toEqual({ reportCount: 5 });
  });

  it("keeps credentials sealed at rest: a database dump holds no application password; older plain rows still work", async () => {
    const base = { siteUrl: "https://blog.example.net", username: "desk", hideStatus: "trash" };
    const raw = async () => (await db.connector.findUniqueOrThrow({ where: { kind: "wordpress" }, select: { secret: true } })).secret;
    const setRaw = (secret: string) => db.connector.update({ where: { kind: "wordpress" }, data: { secret } });
    await saveConnectorSettings("wordpress", { ...base, applicationPassword: "sealed pass 123" }, true, admin);
    expect(await raw()).toMatch(/^sealed:v1:/);
    expect(await raw()).not.toContain("sealed pass");
    expect((await loadConnector("wordpress"))?.config).toMatchObject({ applicationPassword: "sealed pass 123" });

    // A row an earlier version stored as plain JSON is read, and sealed by the next save.
    await setRaw(JSON.stringify({ applicationPassword: "plain old" }));
    expect((await loadConnector("wordpress"))?.config).toMatchObject({ applicationPassword: "plain old" });
    await saveConnectorSettings("wordpress", { ...base, applicationPassword: "" }, true, admin);
    expect(await raw()).toMatch(/^sealed:v1:/);
    expect((await loadConnector("wordpress"))?.config).toMatchObject({ applicationPassword: "plain old" });

    // Sealed under another audit key: the page says none is stored, a sync says why, and entering it again works.
    await setRaw(sealJson({ applicationPassword: "elsewhere" }, randomBytes(32)));
    expect(await getConnectorView("wordpress")).toMatchObject({ hasSecret: false });
    await expect(loadConnector("wordpress")).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("enter them again") });
    await saveConnectorSettings("wordpress", { ...base, applicationPassword: "entered again" }, true, admin);
    expect((await loadConnector("wordpress"))?.config).toMatchObject({ applicationPassword: "entered again" });
  });

  it("sends a stored application password only to the address it was entered for", async () => {
    const base = { siteUrl: "https://blog.example.net", username: "desk", hideStatus: "trash" };
    await saveConnectorSettings("wordpress", { ...base, applicationPassword: "pass word" }, true, admin);
    const storedSecret = async () => JSON.stringify(openConnectorSecrets((await db.connector.findUniqueOrThrow({ where: { kind: "wordpress" }, select: { secret: true } })).secret));

    // An admin who cannot read the password points the site at a server of theirs, the password left blank.
    for (const siteUrl of ["https://collector.example.com", "https://blog.example.net/elsewhere"]) {
      await expect(saveConnectorSettings("wordpress", { ...base, siteUrl, applicationPassword: "" }, true, admin)).rejects.toMatchObject({
        code: "INVALID",
        message: expect.stringMatching(/^applicationPassword: The site address changed: enter this credential again/),
      });
    }
    // The same site over plain http (where anyone on the way reads the password) is refused outright.
    await expect(saveConnectorSettings("wordpress", { ...base, siteUrl: "http://blog.example.net", applicationPassword: "" }, true, admin)).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringMatching(/^siteUrl: Enter an https:\/\/ address/),
    });
    expect(await storedSecret()).toContain("pass word");

    // The same address (a trailing slash, another case in the host) keeps it; a new address with the password entered is saved.
    await saveConnectorSettings("wordpress", { ...base, siteUrl: "https://Blog.example.net/", applicationPassword: "", hideStatus: "hold" }, true, admin);
    expect(await storedSecret()).toContain("pass word");
    await saveConnectorSettings("wordpress", { ...base, siteUrl: "https://news.example.com", applicationPassword: "new pass" }, true, admin);
    expect(await storedSecret()).toContain("new pass");
  });

  it("leaves a site that answered 429 with Retry-After alone that long: the push and every other pending one wait", async () => {
    const site = fakeWordpress();
    site.add(41);
    site.add(42);
    expect(await syncConnector("wordpress", "manual", admin, { fetchFn: site.fetchFn })).toMatchObject({ status: "COMPLETED" });
    const moderator = await makeModerator();
    const comments = [await linkedComment("41"), await linkedComment("42")];
    for (const comment of comments) await decideComment({ action: "HIDE", commentId: comment.id, expectedVersion: comment.version, expectedStatus: comment.status, reason: "SPAM" }, moderator);
    const connectorId = (await getConnectorView("wordpress"))!.id;
    // Any push left due by the tests before is in the same outbox: it may be the one that meets the limit.
    let requests = 0;
    const rateLimited: ConnectorFetch = async () => {
      requests++;
      return new Response(JSON.stringify({ code: "rate_limited", message: "Too many requests" }), { status: 429, headers: { "content-type": "application/json", "retry-after": "120" } });
    };
    const before = Date.now();
    expect(await drainConnector(connectorId, rateLimited)).toBe(1);
    expect(requests).toBe(1);
    const pushes = await db.connectorPush.findMany({ where: { commentId: { in: comments.map((comment) => comment.id) } }, orderBy: { id: "asc" } });
    expect(pushes.map((push) => push.status)).toEqual(["PENDING", "PENDING"]);
    expect(pushes.reduce((sum, push) => sum + push.attempts, 0)).toBeLessThanOrEqual(1);
    for (const push of pushes) expect(push.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 119_000);
    // Nothing is due meanwhile: a drain now asks the site nothing.
    expect(await drainConnector(connectorId, rateLimited)).toBe(0);
    expect(requests).toBe(1);
  });
});
