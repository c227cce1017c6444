import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/decisions/route";
import { createApiToken } from "@/lib/auth/api-token";
import { db } from "@/lib/db/client";
import { makeModerator } from "@/lib/moderation/test-factories";
import { getPgPool } from "@/lib/db/pg-pool";
import { isAppError } from "@/lib/errors";
import { CURSOR_ORIGIN_SETTING, exportCursorOrigin } from "./cursor-origin";
import { decisionExportResponse, NEXT_CURSOR_HEADER } from "./decision-export-response";
import { parseExportCursor, type ExportCursor } from "./export-cursor";
import { exportQuerySchema } from "./schemas";
import { pumpDecisionExport, streamDecisionExport } from "./stream-decision-export";

// Incremental exports by cursor: a decision whose transaction commits after an export ran, though
// its createdAt is earlier than that export's end (a long transaction, a bulk run), is in the next
// export `after` the cursor, once. `since=<time of the last export>` misses it for good.

const actor = { id: null, label: "export-cursor-test" };

async function makeArticle() {
  return db.article.create({ data: { key: `test:${randomUUID()}`, title: "Cursor article" } });
}

// Each comment on its own day: the insights trigger marks a comment's day dirty, and two open
// transactions marking the same new day would wait on each other.
let nextDay = 0;
async function makeComment(articleId: number) {
  const day = new Date(Date.UTC(2024, 0, 1) + (Math.floor(Math.random() * 600) * 5 + (nextDay++ % 5)) * 86_400_000);
  return db.comment.create({ data: { articleId, body: "A reader's words", source: "test", dedupeKey: `test:id:${randomUUID()}`, contentHash: randomUUID(), postedAt: day } });
}

async function decide(commentId: number, createdAt: string): Promise<number> {
  const decision = await db.decision.create({ data: { commentId, action: "HIDE", fromStatus: "PENDING", toStatus: "HIDDEN", reason: "SPAM", createdAt: new Date(createdAt) } });
  return decision.id;
}

const idsOfJsonl = (text: string) =>
  text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => (JSON.parse(line) as { decision_id: number }).decision_id);

async function exportIds(article: number, after?: ExportCursor): Promise<{ ids: number[]; next: string }> {
  let text = "";
  const summary = await pumpDecisionExport({ format: "jsonl", filters: { article, after }, actor, via: "test" }, (chunk) => {
    text += chunk.toString("utf8");
  });
  const ids = idsOfJsonl(text);
  expect(summary.rows).toBe(ids.length);
  expect(summary.next).toBeDefined();
  return { ids, next: summary.next! };
}

const cursorOf = (text: string) => {
  const cursor = parseExportCursor(text);
  if (!cursor) throw new Error(`not a cursor: ${text}`);
  return cursor;
};

describe("decisions export after a cursor", () => {
  it("returns a decision committed after the export before it, dated earlier, exactly once", async () => {
    const article = await makeArticle();
    const [first, late, concurrent, afterwards] = [await makeComment(article.id), await makeComment(article.id), await makeComment(article.id), await makeComment(article.id)];
    const a = await decide(first!.id, "2026-11-03T10:00:00Z");
    const e0 = await exportIds(article.id);
    expect(e0.ids).toEqual([a]);

    // A second connection decides in a transaction left open, with a decided time before a's.
    const open = await getPgPool().connect();
    let b: number;
    try {
      await open.query("BEGIN");
      const inserted = await open.query<{ id: number }>(
        `INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, "createdAt") VALUES ($1, 'HIDE', 'PENDING', 'HIDDEN', 'SPAM', '2026-11-03 09:00:00') RETURNING id`,
        [late!.id],
      );
      b = inserted.rows[0]!.id;
      // Meanwhile a decision commits (a later transaction than the open one).
      const c = await decide(concurrent!.id, "2026-11-03T11:00:00Z");
      const e1 = await exportIds(article.id, cursorOf(e0.next));
      expect(e1.ids).toEqual([c]);
      await open.query("COMMIT");

      const d = await decide(afterwards!.id, "2026-11-03T08:00:00Z");
      // Committed after e1 ran, decided before everything e1 returned: a `since` poll would skip b.
      const e2 = await exportIds(article.id, cursorOf(e1.next));
      expect(e2.ids).toEqual([d, b]);
      const e3 = await exportIds(article.id, cursorOf(e2.next));
      expect(e3.ids).toEqual([]);

      const all = [...e0.ids, ...e1.ids, ...e2.ids, ...e3.ids];
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort((x, y) => x - y)).toEqual([a, b, c, d].sort((x, y) => x - y));
    } catch (error) {
      await open.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      open.release();
    }
  });

  it("keeps since/until with a cursor, and a cursor from an export filtered the same way", async () => {
    const article = await makeArticle();
    const [one, two] = [await makeComment(article.id), await makeComment(article.id)];
    const start = await exportIds(article.id);
    expect(start.ids).toEqual([]);
    await decide(one!.id, "2026-11-01T10:00:00Z");
    const kept = await decide(two!.id, "2026-11-05T10:00:00Z");
    let text = "";
    const { format, bom, ...filters } = exportQuerySchema.parse({ format: "jsonl", article: String(article.id), since: "2026-11-04", after: start.next });
    await pumpDecisionExport({ format, bom, filters, actor, via: "test" }, (chunk) => {
      text += chunk.toString("utf8");
    });
    expect(text.trimEnd().split("\n").map((line) => (JSON.parse(line) as { decision_id: number }).decision_id)).toEqual([kept]);
  });

  it("sends the next cursor as a header before the body, and records it in the audit event", async () => {
    const article = await makeArticle();
    const decision = await decide((await makeComment(article.id)).id, "2026-11-02T10:00:00Z");
    const response = await decisionExportResponse({ format: "csv", filters: { article: article.id }, actor, via: "test" });
    const next = response.headers.get(NEXT_CURSOR_HEADER) ?? "";
    expect(parseExportCursor(next)).not.toBeNull();
    expect(await response.text()).toContain(`\r\n${decision},`);
    const event = await db.auditEvent.findFirst({ where: { action: "export.decisions" }, orderBy: { id: "desc" }, select: { details: true } });
    expect(event?.details).toMatchObject({ completed: true, rows: 1, next, filters: { article: article.id } });
    const after = await decisionExportResponse({ format: "csv", filters: { article: article.id, after: cursorOf(next) }, actor, via: "test" });
    expect((await after.text()).split("\r\n").filter((line) => line !== "")).toHaveLength(1);
  });

  it("after a restore from another server's dump, a decision with that server's transaction id is in a full export, not in every export after a cursor", async () => {
    const article = await makeArticle();
    const comment = await makeComment(article.id);
    const { rows } = await getPgPool().query<{ id: number }>(
      `INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", "createdAt", "xactId")
       VALUES ($1, 'HIDE', 'PENDING', 'HIDDEN', '2026-11-02 10:00:00', (pg_snapshot_xmax(pg_current_snapshot())::text::numeric + 1000000)::text::xid8) RETURNING id`,
      [comment.id],
    );
    const full = await exportIds(article.id);
    expect(full.ids).toEqual([rows[0]!.id]);
    expect((await exportIds(article.id, cursorOf(full.next))).ids).toEqual([]);
  });

  it("refuses a cursor this database has not reached (from before a restore), as INVALID", async () => {
    const { rows } = await getPgPool().query<{ xmax: string }>("SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax");
    const ahead = (BigInt(rows[0]!.xmax) + 1_000_000n).toString();
    const origin = await exportCursorOrigin(getPgPool());
    const chunks = streamDecisionExport({ format: "csv", filters: { after: cursorOf(`${origin}.${ahead}:${ahead}:`) }, actor, via: "test" });
    const refusal = await chunks.next().then(
      () => null,
      (error: unknown) => error,
    );
    expect(isAppError(refusal) && refusal.code === "INVALID" && /after/.test(refusal.message)).toBe(true);
    // The connection went back to the pool usable, outside any transaction.
    expect((await getPgPool().query("SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
  });

  it("GET /api/v1/decisions: the cursor header, after it only what is new, and a bad or unknown cursor a 400 naming after", async () => {
    const moderator = await makeModerator("cursor-route");
    const { token } = await createApiToken({ name: "cursor-route", scopes: ["exports:read"] }, moderator);
    const get = (query: string) => GET(new Request(`http://127.0.0.1/api/v1/decisions?${query}`, { headers: { authorization: `Bearer ${token}` } }));
    const article = await makeArticle();
    const first = await decide((await makeComment(article.id)).id, "2026-11-02T10:00:00Z");
    const full = await get(`format=jsonl&article=${article.id}`);
    expect(full.status).toBe(200);
    expect(idsOfJsonl(await full.text())).toEqual([first]);
    const next = full.headers.get(NEXT_CURSOR_HEADER) ?? "";
    const second = await decide((await makeComment(article.id)).id, "2026-11-01T10:00:00Z");
    const after = await get(`format=jsonl&article=${article.id}&after=${encodeURIComponent(next)}`);
    expect(after.status).toBe(200);
    expect(idsOfJsonl(await after.text())).toEqual([second]);

    const malformed = await get("format=csv&after=yesterday");
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(await malformed.json())).toMatch(/after/);
    const origin = next.split(".")[0]!;
    const unknown = await get(`format=csv&after=${origin}.99999999999:99999999999:`);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/^after is a cursor this database has not reached/);
    // Another Moddesk database on the same server: its transaction ids mean nothing here, whatever they are.
    const foreignOrigin = origin === "000000000000" ? "111111111111" : "000000000000";
    const foreign = await get(`format=csv&after=${encodeURIComponent(next.replace(origin, foreignOrigin))}`);
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as { error: { message: string } }).error.message).toMatch(/^after is a cursor of another Moddesk database/);
  });
});

describe("the cursor's origin", () => {
  it("is read by an export whose first write of it lost to another's, committed while it waited", async () => {
    await getPgPool().query(`DELETE FROM setting WHERE key = $1`, [CURSOR_ORIGIN_SETTING]);
    const first = await getPgPool().connect();
    const second = await getPgPool().connect();
    try {
      await first.query("BEGIN");
      const made = await exportCursorOrigin(first);
      // The second's insert waits on the first's uncommitted row, then conflicts with it.
      const waiting = exportCursorOrigin(second);
      await first.query("COMMIT");
      expect(await waiting).toBe(made);
      expect(made).toMatch(/^[0-9a-f]{12}$/);
    } finally {
      first.release();
      second.release();
    }
  });
});
