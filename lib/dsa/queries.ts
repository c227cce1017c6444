import "server-only";
import { db } from "@/lib/db/client";
import { DEFAULT_DSA_SETTINGS, dsaSettingsSchema, type DsaSettings } from "./dsa-settings";
import type { HideDecisionFacts, HideReason } from "./statement-of-reasons";

// Reads for statements of reasons: the desk's settings and the facts of hide decisions. A hide is
// any decision that made a comment HIDDEN by hiding it (moderator or auto-hide rule); undo and
// revert are decisions of their own and have no statement.

export async function getDsaSettings(): Promise<DsaSettings> {
  const row = await db.dsaSettings.findUnique({ where: { id: 1 }, select: { settings: true } });
  if (!row) return DEFAULT_DSA_SETTINGS;
  // Stored settings are validated on write; read through the schema anyway so that a field added
  // later takes its default instead of being undefined.
  const parsed = dsaSettingsSchema.safeParse({ ...DEFAULT_DSA_SETTINGS, ...(row.settings as object) });
  return parsed.success ? parsed.data : DEFAULT_DSA_SETTINGS;
}

const hideDecisionSelect = {
  id: true,
  commentId: true,
  reason: true,
  note: true,
  createdAt: true,
  moderatorId: true,
  comment: {
    select: {
      postedAt: true,
      article: { select: { title: true } },
      flags: { select: { category: true, reason: true, createdAt: true, rule: { select: { name: true } } } },
    },
  },
} as const;

type HideDecisionRow = { id: number; commentId: number; reason: string | null; note: string | null; createdAt: Date; moderatorId: string | null; comment: { postedAt: Date; article: { title: string }; flags: { category: string; reason: string; createdAt: Date; rule: { name: string } }[] } };

function toFacts(row: HideDecisionRow): HideDecisionFacts {
  return {
    decisionId: row.id,
    commentId: row.commentId,
    reason: row.reason as HideReason | null,
    note: row.note,
    decidedAt: row.createdAt,
    moderatorId: row.moderatorId,
    postedAt: row.comment.postedAt,
    articleTitle: row.comment.article.title,
    flags: row.comment.flags.map((flag) => ({ ruleName: flag.rule.name, category: flag.category, reason: flag.reason, createdAt: flag.createdAt })),
  };
}

/** The comment's latest hide, when the comment is hidden now (the notice a commenter can be sent). */
export async function latestHideOfComment(commentId: number): Promise<HideDecisionFacts | null> {
  const row = await db.decision.findFirst({
    where: { commentId, action: "HIDE", toStatus: "HIDDEN", comment: { status: "HIDDEN" } },
    orderBy: { id: "desc" },
    select: hideDecisionSelect,
  });
  return row ? toFacts(row) : null;
}

export interface HideDecisionFilters {
  since?: Date;
  until?: Date;
  /** The zone bare days were read in (recorded with the export, not a filter of its own). */
  dayTimeZone?: string;
}

/** Hide decisions oldest first, in keyset pages: memory stays flat for any number. */
export async function* hideDecisionFacts(filters: HideDecisionFilters, pageSize = 500): AsyncGenerator<HideDecisionFacts> {
  let afterId = 0;
  for (;;) {
    const rows = await db.decision.findMany({
      where: { id: { gt: afterId }, action: "HIDE", toStatus: "HIDDEN", createdAt: { gte: filters.since, lt: filters.until } },
      orderBy: { id: "asc" },
      take: pageSize,
      select: hideDecisionSelect,
    });
    for (const row of rows) yield toFacts(row);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    afterId = last.id;
  }
}

export async function countHideDecisions(): Promise<number> {
  return db.decision.count({ where: { action: "HIDE", toStatus: "HIDDEN" } });
}
