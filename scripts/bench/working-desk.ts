// A desk at work between Insights loads: moderators deciding comments posted today and yesterday,
// and new comments arriving, so the live days the page reads are never the ones last folded. Without
// it a bench would time a desk where nothing changed, the cheapest case of the folded live days
// (lib/insights/live-posted-days.ts). Written as the app writes them (a guarded UPDATE of the
// comments, their decision rows; new comments in one INSERT), so every statement trigger runs.
import { randomBytes } from "node:crypto";

type Executor = { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number>; $queryRaw: <T>(query: TemplateStringsArray, ...values: unknown[]) => Promise<T> };

export interface WorkingDeskStep {
  decisions: number;
  comments: number;
}

/**
 * Returns a step: `decisions` pending comments of the last two days decided (a quarter hidden) by
 * one moderator, and `comments` new comments posted now on articles that have comments.
 */
export async function prepareWorkingDesk(db: Executor, perStep: WorkingDeskStep): Promise<() => Promise<void>> {
  const stamp = randomBytes(3).toString("hex");
  const [moderator] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "user" WHERE role = 'moderator' ORDER BY id LIMIT 1`;
  const pending = await db.$queryRaw<{ id: number; articleId: number }[]>`
    SELECT id, "articleId" FROM comment WHERE status = 'PENDING' AND "postedAt" >= (now() AT TIME ZONE 'UTC') - interval '2 days' ORDER BY id DESC LIMIT 5000`;
  let next = 0;
  let step = 0;
  return async () => {
    const ids = pending.slice(next, next + perStep.decisions).map((row) => row.id);
    next += perStep.decisions;
    step += 1;
    if (ids.length > 0 && moderator) {
      await db.$executeRaw`
        UPDATE comment SET status = (CASE WHEN id % 4 = 0 THEN 'HIDDEN' ELSE 'APPROVED' END)::"CommentStatus", "decidedAt" = now() AT TIME ZONE 'UTC', "decidedById" = ${moderator.id}, version = version + 1
        WHERE id = ANY(${ids}::int[]) AND status = 'PENDING'`;
      await db.$executeRaw`
        INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, "moderatorId", "createdAt")
        SELECT id, (CASE WHEN status = 'HIDDEN' THEN 'HIDE' ELSE 'APPROVE' END)::"DecisionAction", 'PENDING', status,
               (CASE WHEN status = 'HIDDEN' THEN 'SPAM' END)::"ReasonCategory", ${moderator.id}, "decidedAt"
        FROM comment WHERE id = ANY(${ids}::int[])`;
    }
    const articles = pending.slice(0, perStep.comments).map((row) => row.articleId);
    if (articles.length > 0) {
      await db.$executeRaw`
        INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", body, "postedAt", "createdAt", status, priority)
        SELECT a, 'bench', 'desk:' || ${stamp} || ':' || ${step}::int || ':' || o, md5(${stamp} || o::text || ${step}::int), 'a new comment ' || o,
               now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', 'PENDING', CASE WHEN o % 4 = 0 THEN 40 ELSE 0 END
        FROM unnest(${articles}::int[]) WITH ORDINALITY AS t(a, o)`;
    }
  };
}
