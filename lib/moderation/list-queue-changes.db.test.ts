import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { queueChangesQuerySchema } from "./schemas";
import { listQueueChanges } from "./list-queue-changes";
import { makeArticle, makeComment, makeModerator } from "./test-factories";

// Open queues poll for decisions since their last answer. An answer used to hold the first 500 and
// say nothing more, so after a bulk run of thousands the rest stayed "pending" on every other
// moderator's screen. Now a full answer names the next page, and paging returns every decision once.

describe("listQueueChanges", () => {
  it("pages through more decisions than one answer holds, each once, ties on the same millisecond included", async () => {
    const moderator = await makeModerator("changes");
    const articleId = await makeArticle("Queue changes paging");
    const since = new Date(Date.now() - 1_000);
    const at = new Date();
    const ids: number[] = [];
    for (let index = 0; index < 7; index++) {
      const comment = await makeComment(articleId);
      // Five on the same millisecond: the cursor must break ties by id.
      const createdAt = index < 5 ? at : new Date(at.getTime() + index);
      const decision = await db.decision.create({ data: { commentId: comment.id, action: "HIDE", fromStatus: "PENDING", toStatus: "HIDDEN", reason: "SPAM", moderatorId: moderator.id, createdAt }, select: { id: true } });
      ids.push(decision.id);
    }

    const seen: number[] = [];
    let after: { afterAt: Date; afterId: number } | undefined;
    let pages = 0;
    do {
      const page = await listQueueChanges(since, after, 3);
      pages += 1;
      expect(page.changes.length).toBeLessThanOrEqual(3);
      seen.push(...page.changes.map((change) => change.decisionId));
      after = page.next ? { afterAt: new Date(page.next.afterAt), afterId: page.next.afterId } : undefined;
      // Other tests may decide meanwhile; a page that is not the last is always full.
      if (page.next) expect(page.changes).toHaveLength(3);
    } while (after && pages < 1_000);

    expect(new Set(seen).size, "no decision twice").toBe(seen.length);
    for (const id of ids) expect(seen, `decision ${id}`).toContain(id);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it("says there is nothing more when one answer holds everything", async () => {
    const page = await listQueueChanges(new Date("2999-01-01T00:00:00Z"));
    expect(page).toMatchObject({ changes: [], next: null });
  });

  it("takes afterAt and afterId together only", () => {
    expect(queueChangesQuerySchema.safeParse({ since: "2026-12-06T10:00:00Z", afterAt: "2026-12-06T10:00:01Z" }).success).toBe(false);
    expect(queueChangesQuerySchema.safeParse({ since: "2026-12-06T10:00:00Z", afterAt: "2026-12-06T10:00:01Z", afterId: "17" }).success).toBe(true);
  });
});
