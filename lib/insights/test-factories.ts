import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";

// Small factories for db tests of insights and suggestions: unique keys, explicit timestamps.

type Status = "PENDING" | "APPROVED" | "HIDDEN";
type Category = "OFF_TOPIC" | "NATIONALIST" | "ABUSIVE" | "SPAM";
type Reason = Category | "OTHER";

const unique = () => randomUUID().slice(0, 8);

export async function makeUser(name = "Moderator"): Promise<string> {
  const id = `u-${unique()}`;
  await db.user.create({ data: { id, name, email: `${id}@insights.test`, role: "moderator" } });
  return id;
}

export async function makeArticle(title = "An article"): Promise<number> {
  const key = `test:${unique()}`;
  return (await db.article.create({ data: { key, title }, select: { id: true } })).id;
}

export async function makeRule(category: Category, name = `rule-${unique()}`): Promise<number> {
  const rule = await db.rule.create({ data: { name, category, kind: "TERMS", config: { terms: ["x"] }, severity: 3 }, select: { id: true } });
  return rule.id;
}

export interface CommentSeed {
  articleId: number;
  postedAt: Date;
  body?: string;
  /** Import time; defaults to postedAt. */
  createdAt?: Date;
  flaggedBy?: { ruleId: number; category: Category }[];
  /** What readers' reports added to priority (reader_report); a rule's flag adds 40 on top. */
  reportPriority?: number;
  /** Decisions in order; the comment ends in the last one's toStatus. */
  decisions?: { action: "APPROVE" | "HIDE" | "UNDO" | "REVERT"; to: Status; at: Date; by: string | null; reason?: Reason }[];
}

export async function makeComment(seed: CommentSeed): Promise<number> {
  const key = unique();
  const flags = seed.flaggedBy ?? [];
  const decisions = seed.decisions ?? [];
  const last = decisions.at(-1);
  const comment = await db.comment.create({
    data: {
      articleId: seed.articleId,
      source: "test",
      dedupeKey: `test:id:${key}`,
      contentHash: key,
      body: seed.body ?? `comment ${key}`,
      postedAt: seed.postedAt,
      createdAt: seed.createdAt ?? seed.postedAt,
      // Readers' reports raise priority too, but only a rule's part makes a comment "flagged".
      priority: (flags.length > 0 ? 40 : 0) + (seed.reportPriority ?? 0),
      reportPriority: seed.reportPriority ?? 0,
      status: last?.to ?? "PENDING",
      version: decisions.length,
      decidedAt: last?.at ?? null,
      decidedById: last?.by ?? null,
    },
    select: { id: true },
  });
  for (const flag of flags) {
    await db.flag.create({ data: { commentId: comment.id, ruleId: flag.ruleId, ruleVersion: 1, category: flag.category, score: 1, spans: [], reason: "test" } });
  }
  let from: Status = "PENDING";
  for (const decision of decisions) {
    await db.decision.create({
      data: { commentId: comment.id, action: decision.action, fromStatus: from, toStatus: decision.to, reason: decision.reason ?? null, moderatorId: decision.by, createdAt: decision.at },
    });
    from = decision.to;
  }
  return comment.id;
}

export const hours = (base: Date, count: number) => new Date(base.getTime() + count * 3_600_000);
