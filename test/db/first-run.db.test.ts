import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db/client";
import { defaultRulePack } from "@/lib/rules/default-pack";
import { runFirstRun } from "@/lib/setup/first-run";
import { DEMO_ADMIN_EMAIL } from "@/lib/setup/demo-data";

describe("the first start of an empty installation", () => {
  it("installs the rules, creates one demo admin with a generated password and loads the 21 demo comments", async () => {
    const first = await runFirstRun(() => {});
    expect(first.demoAdmin?.email).toBe(DEMO_ADMIN_EMAIL);
    expect(first.demoAdmin?.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await db.rule.count()).toBe(defaultRulePack().length);
    expect(await db.user.findMany({ select: { email: true, role: true } })).toEqual([{ email: DEMO_ADMIN_EMAIL, role: "admin" }]);

    const article = await db.article.findFirstOrThrow({ select: { title: true, publishedAt: true, body: true } });
    expect(article.title).toBe("Pakistan building digital espionage capacity to rival the US");
    expect(article.body).not.toContain("Read:");
    const comments = await db.comment.findMany({ orderBy: { postedAt: "asc" }, select: { authorName: true, body: true, status: true, parent: { select: { authorName: true } } } });
    expect(comments).toHaveLength(21);
    expect(comments.every((comment) => comment.status === "PENDING")).toBe(true);
    expect(comments[0]).toMatchObject({ authorName: "curious2", body: expect.stringMatching(/^Seeking is different than obtaining\..*digital or otherwise\.$/) });
    expect(comments.filter((comment) => comment.body === "So this is good.")).toHaveLength(1);
    expect(comments.find((comment) => comment.authorName === "MK")?.parent?.authorName).toBe("Ali S");
    expect(comments.some((comment) => comment.body.endsWith("Recommend"))).toBe(false);
  });

  it("changes nothing when it runs again (a restart)", async () => {
    const counts = async () => ({ rules: await db.rule.count(), users: await db.user.count(), comments: await db.comment.count(), batches: await db.importBatch.count() });
    const before = await counts();
    const again = await runFirstRun(() => {});
    expect(again.demoAdmin).toBeUndefined();
    expect(again.adminEmail).toBe(DEMO_ADMIN_EMAIL);
    expect(await counts()).toEqual(before);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });
});
