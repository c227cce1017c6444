import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { withPgTransaction } from "@/lib/db/pg-pool";
import { importStream } from "@/lib/import/import-file";
import { createRuleRerun } from "@/lib/rules/create-rule-rerun";
import { runRuleRerunSlice } from "@/lib/rules/run-rule-rerun";
import { seedArticle, seedComment, seedRule, uid } from "@/lib/rules/test-db-factories";
import type { RuleCategory } from "@/lib/detect/types";
import { listQueue } from "./list-queue";

// comment."flagCategories" and the 'category:<name>' lexemes the trigger derives from it: the
// queue's category filter reads them instead of flag, so they must follow every writer of flags.

const categoriesOf = async (id: number) => (await db.comment.findUniqueOrThrow({ where: { id }, select: { flagCategories: true } })).flagCategories;
const lexemesOf = async (id: number) =>
  (await db.$queryRaw<{ lexeme: string }[]>`SELECT unnest(tsvector_to_array("searchVector")) AS lexeme FROM comment WHERE id = ${id}`).map((row) => row.lexeme).filter((lexeme) => lexeme.startsWith("category:"));

describe("flag categories in the search vector", () => {
  it("are never produced from a comment's text or a user's search", async () => {
    const hostile = ["category:abusive", "'category:abusive'", '"category:abusive"', "http://category:abusive/x", "http://x.com:80/category:abusive", "/usr/category:abusive", "category:abusive@x.com", "x-category:abusive", "category:spam:abusive", "category::abusive", "category:abusive:*"];
    const rows = await db.$queryRaw<{ lexeme: string }[]>`
      SELECT unnest(tsvector_to_array(to_tsvector('simple', t))) AS lexeme FROM unnest(${hostile}::text[]) t
      UNION ALL SELECT unnest(tsvector_to_array(coalesce(nullif(websearch_to_tsquery('simple', t)::text, ''), 'x')::tsvector)) FROM unnest(${hostile}::text[]) t`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => /^category:[a-z_]+$/.test(row.lexeme))).toEqual([]);
  });

  it("follow an import and a rule re-run", async () => {
    const word = `zq${uid()}`;
    const rule = await seedRule({ category: "SPAM", config: { terms: [word] } });
    const lines = [
      { id: `a-${uid()}`, article: { id: `cat-${uid()}`, title: "Budget" }, author: "x", body: `buy now ${word}`, postedAt: "2015-07-23T10:00:00Z" },
      { id: `b-${uid()}`, article: { id: `cat-${uid()}`, title: "Budget" }, author: "y", body: "a fair point", postedAt: "2015-07-23T10:01:00Z" },
    ];
    const summary = await importStream({ input: Readable.from([Buffer.from(lines.map((line) => JSON.stringify(line)).join("\n"))]), fileName: "c.jsonl", format: "jsonl", via: "cli", actor: SYSTEM_ACTOR });
    const [spam, clean] = await db.comment.findMany({ where: { importBatchId: summary.batchId }, orderBy: { id: "asc" }, select: { id: true } });
    expect(await categoriesOf(spam!.id)).toEqual(["SPAM"]);
    expect(await lexemesOf(spam!.id)).toEqual(["category:spam"]);
    expect(await categoriesOf(clean!.id)).toEqual([]);

    // The rule goes away, another one matches the clean comment: a re-run moves both.
    await db.rule.update({ where: { id: rule.id }, data: { enabled: false } });
    await seedRule({ category: "NATIONALIST", config: { terms: ["fair"] } });
    const rerun = await withPgTransaction((client) => createRuleRerun(client, SYSTEM_ACTOR));
    await runRuleRerunSlice(rerun.id, { batchSize: 1000 });
    expect(await categoriesOf(spam!.id)).toEqual([]);
    expect(await lexemesOf(spam!.id)).toEqual([]);
    expect(await categoriesOf(clean!.id)).toEqual(["NATIONALIST"]);
    expect(await lexemesOf(clean!.id)).toEqual(["category:nationalist"]);
    const body = await db.$queryRaw<{ ok: boolean }[]>`SELECT "searchVector" @@ websearch_to_tsquery('simple', 'fair point') AS ok FROM comment WHERE id = ${clean!.id}`;
    expect(body[0]?.ok).toBe(true);
  });

  it("filter the queue exactly as the flag rows do", async () => {
    const article = await seedArticle();
    const categories: RuleCategory[] = ["OFF_TOPIC", "NATIONALIST", "ABUSIVE", "SPAM"];
    const rules = await Promise.all(categories.map((category) => seedRule({ category })));
    const words = ["alpha", "beta", "gamma"];
    for (let index = 0; index < 60; index += 1) {
      const { id } = await seedComment(article.id, `${words[index % 3]} ${words[(index * 7) % 3]} item${index}`);
      const mine = categories.filter((_category, at) => (index * (at + 3)) % 5 === 0);
      for (const category of mine) {
        const rule = rules[categories.indexOf(category)]!;
        await db.flag.create({ data: { commentId: id, ruleId: rule.id, ruleVersion: 1, category, score: 1, spans: [], reason: "t" } });
      }
      // What the writers do beside their flag rows.
      await db.comment.update({ where: { id }, data: { flagCategories: mine, priority: mine.length } });
    }
    for (const category of categories) {
      for (const q of [undefined, "alpha", "beta -gamma"]) {
        const expected = await db.$queryRaw<{ id: number }[]>`
          SELECT c.id FROM comment c WHERE c."articleId" = ${article.id}
            AND EXISTS (SELECT 1 FROM flag f WHERE f."commentId" = c.id AND f.category = ${category}::"RuleCategory")
            AND (${q ?? null}::text IS NULL OR c."searchVector" @@ websearch_to_tsquery('simple', ${q ?? ""}))
          ORDER BY c.priority DESC, c."postedAt", c.id`;
        const seen: number[] = [];
        let cursor: string | undefined;
        do {
          const page = await listQueue({ tab: "pending", filters: { category, article: article.id, ...(q ? { q } : {}) }, cursor, limit: 4 });
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(expected.map((row) => row.id));
      }
    }
  });
});
