import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
import { EXPORT_COLUMNS, type ExportRow } from "./columns";
import { decisionRowsQuery } from "./decision-rows-query";
import { createExportFormatter, type ExportFormat } from "./export-formatter";
import type { ExportFilters } from "./schemas";
import { pumpDecisionExport } from "./stream-decision-export";

// The streamed export has Postgres write part of each record (record-template.ts); these tests pin
// its bytes to the reference formatters (csv.ts, json-lines.ts) over the same rows, on text that
// has tripped exports before: quotes, commas, line breaks, formula prefixes, control characters,
// non-ASCII text, empty strings and NULLs.

const HOSTILE = [
  'He said "hi", then left',
  "line1\nline2\r\nline3\rend",
  "=1+1",
  "+44 20 7946 0000",
  "-3",
  "@SUM(A1:A2)",
  "\t=tab first",
  "\r=cr first",
  '=HYPERLINK("http://x","click")',
  "Привет, мир — ١٢٣ اردو 😀 \u2028 \u2029 ok",
  "\u0001\u001f\u007f back\\slash \\n not a newline",
  "",
  "'already quoted",
  "plain",
];

async function seed() {
  const moderatorId = randomUUID();
  const moderator = await db.user.create({ data: { id: moderatorId, name: "Mod", email: `-mod+${moderatorId}@example.com`, role: "moderator" } });
  const article = await db.article.create({ data: { key: `test:${randomUUID()}`, title: '=Budget "2026", explained\nagain' } });
  const rules = [];
  for (const name of [`rule, "quoted" ${randomUUID()}`, `=evil ${randomUUID()}`, `ünïcode ${randomUUID()}`]) {
    rules.push(await db.rule.create({ data: { name, category: rules.length === 0 ? "SPAM" : "ABUSIVE", kind: "TERMS", config: {}, severity: 2 } }));
  }
  const decisionIds: number[] = [];
  for (const [index, body] of HOSTILE.entries()) {
    const comment = await db.comment.create({
      data: {
        articleId: article.id,
        body,
        source: index % 2 === 0 ? "wordpress" : '@source,"x"',
        dedupeKey: `test:id:${randomUUID()}`,
        contentHash: randomUUID(),
        authorName: index % 3 === 0 ? null : HOSTILE[(index + 1) % HOSTILE.length],
        externalId: index % 4 === 0 ? null : `=ext-${index}, "x"`,
        postedAt: new Date(Date.UTC(2026, 10, 1, 8, 0, index, 123)),
      },
    });
    for (const rule of rules.slice(0, index % 4)) {
      await db.flag.create({ data: { commentId: comment.id, ruleId: rule.id, ruleVersion: 1, category: rule.category, score: 1, spans: [], reason: "matched" } });
    }
    const isSystem = index % 5 === 0;
    const decision = await db.decision.create({
      data: {
        commentId: comment.id,
        action: isSystem ? "HIDE" : "APPROVE",
        fromStatus: "PENDING",
        toStatus: isSystem ? "HIDDEN" : "APPROVED",
        reason: index % 2 === 0 ? null : "OTHER",
        note: index % 3 === 1 ? null : HOSTILE[(index + 2) % HOSTILE.length],
        moderatorId: isSystem ? null : moderator.id,
        createdAt: new Date(Date.UTC(2026, 10, 2, 9, 30, index, 456)),
      },
    });
    decisionIds.push(decision.id);
  }
  return { article, moderator, decisionIds };
}

/** What the reference formatters write for the rows of decisionRowsQuery. */
async function expectedText(format: ExportFormat, filters: ExportFilters, bom = false): Promise<string> {
  const { text, values } = decisionRowsQuery(filters);
  const result = await getPgPool().query<Record<string, string | number | null>>(text, values);
  const rows: ExportRow[] = result.rows.map((row) => EXPORT_COLUMNS.map((column) => row[column.key] ?? null));
  const formatter = createExportFormatter(format, { bom });
  return formatter.head() + formatter.batch(rows) + formatter.tail();
}

async function streamedText(format: ExportFormat, filters: ExportFilters, options: { bom?: boolean; batchRows?: number } = {}): Promise<{ text: string; rows: number }> {
  const chunks: Buffer[] = [];
  const summary = await pumpDecisionExport({ format, filters, bom: options.bom, batchRows: options.batchRows, actor: { id: null, label: "export-test" }, via: "test" }, (chunk) => {
    chunks.push(chunk);
  });
  return { text: Buffer.concat(chunks).toString("utf8"), rows: summary.rows };
}

describe("the streamed export's bytes", () => {
  it.each(["csv", "jsonl", "json"] as const)("%s: equal the reference formatter's, across batches, on hostile text", async (format) => {
    const { article } = await seed();
    const filters = { article: article.id };
    const expected = await expectedText(format, filters);
    for (const batchRows of [1, 4, 1000]) {
      const streamed = await streamedText(format, filters, { batchRows });
      expect(streamed.rows).toBe(HOSTILE.length);
      expect(streamed.text).toBe(expected);
    }
  });

  it("csv: keeps the BOM option and the filters", async () => {
    const { article, moderator, decisionIds } = await seed();
    const filters: ExportFilters = { article: article.id, moderator: moderator.email, since: new Date(Date.UTC(2026, 10, 2, 9, 30, 2)), until: new Date(Date.UTC(2026, 10, 2, 9, 30, 9)) };
    const streamed = await streamedText("csv", filters, { bom: true });
    expect(streamed.text).toBe(await expectedText("csv", filters, true));
    expect(streamed.text.startsWith("\uFEFFdecision_id,")).toBe(true);
    const ids = (parse(streamed.text, { columns: true, bom: true }) as Record<string, string>[]).map((record) => Number(record.decision_id));
    // Seconds 2..8, without the system decisions (index 5).
    expect(ids).toEqual([2, 3, 4, 6, 7, 8].map((index) => decisionIds[index]));
    expect(streamed.rows).toBe(6);
  });

  it("writes the documented values: neutralized and quoted in CSV, exact in JSON", async () => {
    const { article, moderator, decisionIds } = await seed();
    const csv = (await streamedText("csv", { article: article.id })).text;
    const lines = (await streamedText("jsonl", { article: article.id })).text;
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    const objects = lines.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects.map((object) => object.comment_text)).toEqual(HOSTILE);
    expect(records.map((record) => record.comment_text)).toEqual(HOSTILE.map((text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)));
    expect(records[0]).toMatchObject({ decision_id: String(decisionIds[0]), comment_external_id: "", author: "", note: "'=1+1", reason: "", moderator: "system", flag_categories: "", flag_rules: "" });
    expect(objects[0]).toMatchObject({ decision_id: decisionIds[0], comment_external_id: null, author: null, reason: null, moderator: "system", flag_categories: null, flag_rules: null });
    expect(objects[1]).toMatchObject({ note: null, reason: "OTHER", moderator: moderator.email, comment_source: '@source,"x"', comment_external_id: '=ext-1, "x"', flag_categories: "SPAM" });
    expect(records[1]).toMatchObject({ moderator: `'${moderator.email}`, comment_source: `'@source,"x"`, comment_external_id: `'=ext-1, "x"`, article_title: `'=Budget "2026", explained\nagain` });
    expect(objects[3]).toMatchObject({ flag_categories: "ABUSIVE;SPAM", posted_at: "2026-11-01T08:00:03.123Z", decided_at: "2026-11-02T09:30:03.456Z" });
    // One literal CSV line: quoted, quotes doubled, the formula quote inside the quotes.
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""click"")",`);
  });
});
