import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
import { EXPORT_COLUMNS } from "./columns";
import { decisionRowsQuery } from "./decision-rows-query";
import type { ExportFilters } from "./schemas";
import { EXPORT_BATCH_ROWS, pumpDecisionExport, streamDecisionExport, type DecisionExportRequest } from "./stream-decision-export";

const actor = { id: null, label: "export-test" };

async function makeModerator() {
  const id = randomUUID();
  return db.user.create({ data: { id, name: "Mod", email: `mod-${id}@example.com`, role: "moderator" } });
}

async function makeArticle(title = "An article") {
  return db.article.create({ data: { key: `test:${randomUUID()}`, title } });
}

async function makeComment(articleId: number, body: string, extra: { externalId?: string; authorName?: string; postedAt?: Date } = {}) {
  return db.comment.create({
    data: { articleId, body, source: "test", dedupeKey: `test:id:${randomUUID()}`, contentHash: randomUUID(), authorName: extra.authorName ?? "Reader", externalId: extra.externalId, postedAt: extra.postedAt ?? new Date("2026-11-01T08:00:00.123Z") },
  });
}

async function makeRule(category: "SPAM" | "ABUSIVE" | "OFF_TOPIC" | "NATIONALIST") {
  return db.rule.create({ data: { name: `rule-${randomUUID()}`, category, kind: "TERMS", config: {}, severity: 2 } });
}

async function rowsOf(filters: ExportFilters): Promise<Record<string, unknown>[]> {
  const { text, values } = decisionRowsQuery(filters);
  return (await getPgPool().query(text, values)).rows as Record<string, unknown>[];
}

async function collect(request: Omit<DecisionExportRequest, "actor" | "via">): Promise<{ text: string; chunks: number; rows: number; auditEventId: number }> {
  let text = "";
  let chunks = 0;
  const summary = await pumpDecisionExport({ ...request, actor, via: "test" }, (chunk) => {
    text += chunk;
    chunks += 1;
  });
  return { text, chunks, rows: summary.rows, auditEventId: summary.auditEventId };
}

describe("the decision rows query", () => {
  it("returns the documented columns, formatted, with the comment's flags aggregated", async () => {
    const moderator = await makeModerator();
    const article = await makeArticle('Budget "2026", explained');
    const comment = await makeComment(article.id, '=HYPERLINK("http://x","click")', { externalId: "ext-1", authorName: "Ayesha" });
    const spam = await makeRule("SPAM");
    const abusive = await makeRule("ABUSIVE");
    for (const rule of [spam, abusive, spam]) {
      await db.flag.create({ data: { commentId: comment.id, ruleId: rule.id, ruleVersion: 1, category: rule.category, score: 1, spans: [], reason: "matched" } });
    }
    const hide = await db.decision.create({ data: { commentId: comment.id, action: "HIDE", fromStatus: "PENDING", toStatus: "HIDDEN", reason: "SPAM", note: "link farm", moderatorId: moderator.id, createdAt: new Date("2026-11-02T09:30:00.456Z") } });
    const auto = await db.decision.create({ data: { commentId: comment.id, action: "UNDO", fromStatus: "HIDDEN", toStatus: "PENDING", revertsId: hide.id, createdAt: new Date("2026-11-02T09:31:00Z") } });

    const rows = await rowsOf({ article: article.id });
    expect(rows.map((row) => Object.keys(row))).toEqual([EXPORT_COLUMNS.map((column) => column.key), EXPORT_COLUMNS.map((column) => column.key)]);
    expect(rows[0]).toEqual({
      decision_id: hide.id,
      comment_id: comment.id,
      comment_external_id: "ext-1",
      comment_source: "test",
      article_id: article.id,
      article_title: 'Budget "2026", explained',
      author: "Ayesha",
      comment_text: '=HYPERLINK("http://x","click")',
      posted_at: "2026-11-01T08:00:00.123Z",
      action: "HIDE",
      from_status: "PENDING",
      status: "HIDDEN",
      reason: "SPAM",
      note: "link farm",
      moderator: moderator.email,
      decided_at: "2026-11-02T09:30:00.456Z",
      flag_categories: "ABUSIVE;SPAM",
      flag_rules: [spam.name, abusive.name].sort().join(";"),
    });
    expect(rows[1]).toMatchObject({ decision_id: auto.id, moderator: "system", reason: null, note: null, action: "UNDO", status: "PENDING" });
  });

  it("filters on decided time (since inclusive, until exclusive), article and moderator", async () => {
    const [alice, bob] = [await makeModerator(), await makeModerator()];
    const [first, second] = [await makeArticle(), await makeArticle()];
    const at = (iso: string) => new Date(iso);
    const seeded: { articleId: number; moderatorId: string | null; createdAt: Date }[] = [
      { articleId: first.id, moderatorId: alice.id, createdAt: at("2030-01-01T00:00:00Z") },
      { articleId: first.id, moderatorId: bob.id, createdAt: at("2030-01-02T00:00:00Z") },
      { articleId: second.id, moderatorId: alice.id, createdAt: at("2030-01-03T00:00:00Z") },
      { articleId: second.id, moderatorId: null, createdAt: at("2030-01-04T00:00:00Z") },
    ];
    const ids: number[] = [];
    for (const entry of seeded) {
      const comment = await makeComment(entry.articleId, "text");
      ids.push((await db.decision.create({ data: { commentId: comment.id, action: "HIDE", fromStatus: "PENDING", toStatus: "HIDDEN", moderatorId: entry.moderatorId, createdAt: entry.createdAt } })).id);
    }
    const idsOf = async (filters: ExportFilters) => (await rowsOf(filters)).map((row) => row.decision_id).filter((id) => ids.includes(id as number));
    expect(await idsOf({ since: at("2030-01-02T00:00:00Z"), until: at("2030-01-04T00:00:00Z") })).toEqual([ids[1], ids[2]]);
    expect(await idsOf({ article: second.id })).toEqual([ids[2], ids[3]]);
    expect(await idsOf({ moderator: alice.email.toUpperCase() })).toEqual([ids[0], ids[2]]);
    expect(await idsOf({ moderator: "system", article: second.id })).toEqual([ids[3]]);
    expect(await idsOf({ moderator: "nobody@example.com" })).toEqual([]);
  });
});

describe("streaming an export", () => {
  async function seedBulk(count: number): Promise<number> {
    const article = await makeArticle("Bulk");
    await db.$executeRawUnsafe(
      `WITH c AS (
         INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt")
         SELECT $1::int, 'bulk', 'bulk:' || $1::int || ':' || g, md5(g::text), 'reader ' || g, 'comment, "number" ' || g, timestamp '2031-01-01' + g * interval '1 second'
         FROM generate_series(1, $2::int) g RETURNING id, "postedAt")
       INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, "createdAt")
       SELECT id, 'HIDE', 'PENDING', 'HIDDEN', 'SPAM', "postedAt" + interval '1 minute' FROM c`,
      article.id,
      count,
    );
    return article.id;
  }

  it("yields all rows of a 20,000-decision export in batches, as valid CSV, and records the row count", async () => {
    const articleId = await seedBulk(20_000);
    const result = await collect({ format: "csv", filters: { article: articleId } });
    expect(result.rows).toBe(20_000);
    // The head, then one chunk per batch (CSV has no tail): memory holds a batch, not the export.
    expect(result.chunks).toBe(1 + 20_000 / EXPORT_BATCH_ROWS);
    const records = parse(result.text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(20_000);
    expect(records[0]).toMatchObject({ article_id: String(articleId), comment_text: 'comment, "number" 1', moderator: "system", decided_at: "2031-01-01T00:01:01.000Z" });
    const event = await db.auditEvent.findUniqueOrThrow({ where: { id: result.auditEventId } });
    expect(event).toMatchObject({ action: "export.decisions", entityType: "export", actorLabel: "export-test" });
    expect(event.details).toEqual({ format: "csv", bom: false, via: "test", filters: { article: articleId }, rows: 20_000, completed: true, next: expect.stringMatching(/^[0-9a-f]{12}\.\d+:\d+:[\d,]*$/) });
  });

  it("streams JSON and JSONL with the same rows", async () => {
    const articleId = await seedBulk(7);
    const json = JSON.parse((await collect({ format: "json", filters: { article: articleId }, batchRows: 3 })).text) as { decision_id: number }[];
    const jsonl = (await collect({ format: "jsonl", filters: { article: articleId } })).text.trimEnd().split("\n").map((line) => JSON.parse(line) as { decision_id: number });
    expect(json).toHaveLength(7);
    expect(jsonl.map((row) => row.decision_id)).toEqual(json.map((row) => row.decision_id));
  });

  it("records an aborted export as not completed, with the rows handed over so far", async () => {
    const articleId = await seedBulk(30);
    const before = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    const chunks = streamDecisionExport({ format: "jsonl", filters: { article: articleId }, actor, via: "test", batchRows: 10 });
    await chunks.next(); // the head
    await chunks.next(); // rows 1-10
    await chunks.return({ rows: 0, completed: false, auditEventId: 0 });
    const events = await db.auditEvent.findMany({ where: { id: { gt: before?.id ?? 0 }, action: "export.decisions" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({ rows: 10, completed: false, filters: { article: articleId } });
    // The connection went back to the pool in a usable state.
    expect((await getPgPool().query("SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
  });
});
