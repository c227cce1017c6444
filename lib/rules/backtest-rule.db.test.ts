import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { backtestRule } from "./backtest-rule";
import { draft, seedArticle, seedComment } from "./test-db-factories";

describe("backtestRule", () => {
  it("counts matches over every stored comment, shares their statuses and samples them with spans into the text", async () => {
    const article = await seedArticle();
    await seedComment(article.id, "You are a Z0RBLAX, plain and simple.");
    await seedComment(article.id, "zorblax again", "HIDDEN");
    await seedComment(article.id, "z o r b l a x!", "HIDDEN");
    await seedComment(article.id, "zorblax but fine", "APPROVED");
    for (let index = 0; index < 6; index += 1) await seedComment(article.id, `a calm comment number ${index}`);
    const flagsBefore = await db.flag.count();

    const result = await backtestRule(draft({ config: { terms: ["zorblax"] } }), { batchSize: 3 });
    expect(result).toMatchObject({ scanned: 10, total: 10, matched: 4, stoppedEarly: false, statuses: { PENDING: 1, APPROVED: 1, HIDDEN: 2 } });
    const first = result.sample[0]!;
    expect(first.text).toBe("You are a Z0RBLAX, plain and simple.");
    expect(first.spans.map(([start, end]) => first.text.slice(start, end))).toEqual(["Z0RBLAX"]);
    expect(first.reason).toMatch(/zorblax/i);
    expect(await db.flag.count()).toBe(flagsBefore);
  });

  it("says when it stopped before the last comment", async () => {
    const result = await backtestRule(draft({ config: { terms: ["zorblax"] } }), { batchSize: 2, maxBatches: 1 });
    expect(result.stoppedEarly).toBe(true);
    expect(result.scanned).toBe(2);
    expect(result.total).toBeGreaterThan(2);
  });

  it("refuses a draft that does not compile, in words", async () => {
    const near = draft({ kind: "NEAR", config: { a: ["india"], b: ["idiot"], within: 3 } });
    await expect(backtestRule({ ...near, config: { a: ["**"], b: ["idiot"], within: 3 } })).rejects.toMatchObject({ code: "INVALID" });
  });
});
