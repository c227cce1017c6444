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

  // The demo a user sees on the first start: data/demo/ through the real importer and the installed
  // pack. Asserted by outcome (which comments, and spans that point at their text), not by rule name.
  it("flags the four rants of the demo thread, with spans inside their text, and none of the 14 on-topic comments", async () => {
    const comments = await db.comment.findMany({ select: { authorName: true, body: true, priority: true, flags: { select: { category: true, spans: true } } } });
    const beginning = (prefix: string) => {
      const found = comments.filter((comment) => comment.body.startsWith(prefix));
      expect(found, prefix).toHaveLength(1);
      return found[0]!;
    };
    const rants = [
      "Exactly, when there are hundreds of farmers in India",
      "USA doesn’t provide us enough cobra gunships",
      "I’m sure the last word we would see would be India",
      "When there are millions of Pakistanis without food",
    ].map(beginning);
    for (const rant of rants) {
      expect(rant.flags.length, rant.body.slice(0, 40)).toBeGreaterThan(0);
      expect(rant.priority).toBeGreaterThan(0);
      for (const flag of rant.flags) {
        const spans = flag.spans as [number, number][];
        expect(spans.length).toBeGreaterThan(0);
        for (const [start, end] of spans) {
          expect(0 <= start && start < end && end <= rant.body.length, `span [${start}, ${end}) of ${rant.body.length}`).toBe(true);
          expect(rant.body.slice(start, end).trim()).not.toBe("");
        }
      }
    }
    // Rashid's question, the "enemy countries" reply and the "stop giving us your information" reply are neither.
    const onTopic = [
      ...["curious2", "jerry", "Bilal", "Ali S", "MK", "bubba5", "Mind boggling", "Union Jack"].map((author) => {
        const authored = comments.filter((comment) => comment.authorName === author);
        expect(authored, author).toHaveLength(1);
        return authored[0]!;
      }),
      ...comments.filter((comment) => comment.authorName === "Usman"),
      beginning("So this is good."),
      beginning("Why can’t we?"),
    ];
    expect(onTopic).toHaveLength(14);
    expect(onTopic.filter((comment) => comment.flags.length > 0 || comment.priority > 0).map((comment) => comment.body.slice(0, 50))).toEqual([]);
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
