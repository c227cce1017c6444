import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { matchingConditions } from "./list-queue";
import type { HideReason, QueueFilters, QueueTab } from "./schemas";

/** A desk's whole backlog is a few hundred thousand comments; past this, narrow the filter first. */
export const BULK_RUN_LIMIT = 200_000;

export interface BulkRunRequest {
  tab: QueueTab;
  filters: QueueFilters;
  action: "APPROVE" | "HIDE";
  reason?: HideReason;
  note?: string;
}

async function matching(db: Db, request: Pick<BulkRunRequest, "tab" | "filters">) {
  const conditions = await matchingConditions(request.tab, request.filters);
  const where = conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  return db.$queryRaw<{ id: number; version: number; status: "PENDING" | "APPROVED" | "HIDDEN" }[]>`
    SELECT c.id, c.version, c.status FROM comment c WHERE ${where} ORDER BY c.id LIMIT ${BULK_RUN_LIMIT + 1}`;
}

/** How many comments the tab and filters match now: the number the moderator confirms. */
export async function countMatching(db: Db, request: Pick<BulkRunRequest, "tab" | "filters">): Promise<number> {
  const conditions = await matchingConditions(request.tab, request.filters);
  const where = conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  const [row] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM comment c WHERE ${where}`;
  return Number(row?.count ?? 0);
}

/**
 * Records a bulk run over the comments matching now, each with the version and status seen at this
 * moment: the job decides exactly these, each guarded by what was seen, so a comment a colleague
 * decided meanwhile is skipped and reported, and one imported meanwhile is left alone.
 */
export async function createBulkRun(db: Db, request: BulkRunRequest, actor: AuditActor & { id: string }): Promise<{ id: number; total: number }> {
  if (request.action === "HIDE" && !request.reason) throw new AppError("INVALID", "Pick a reason to hide.");
  const rows = await matching(db, request);
  if (rows.length === 0) throw new AppError("INVALID", "No comment matches this filter any more.");
  if (rows.length > BULK_RUN_LIMIT) throw new AppError("INVALID", `More than ${BULK_RUN_LIMIT.toLocaleString("en-US")} comments match: narrow the filter first.`);
  const query = { tab: request.tab, ...request.filters } as Prisma.InputJsonObject;
  return db.$transaction((tx) =>
    insertBulkRun(tx, {
      action: request.action,
      reason: request.action === "HIDE" ? request.reason : null,
      note: request.note ?? null,
      query,
      commentIds: rows.map((row) => row.id),
      expectedVersions: rows.map((row) => row.version),
      expectedStatuses: rows.map((row) => row.status),
      total: rows.length,
      requestedById: actor.id,
    }, actor, { action: request.action, reason: request.reason ?? null, total: rows.length, query }),
  );
}

/** A run's row and its `comment.bulk_start` audit event, in the caller's transaction (a run, or its undo). */
export async function insertBulkRun(
  tx: Prisma.TransactionClient, data: Prisma.BulkRunUncheckedCreateInput, actor: AuditActor, details: Record<string, unknown>,
): Promise<{ id: number; total: number }> {
  const run = await tx.bulkRun.create({ data, select: { id: true, total: true } });
  await recordAuditEvent(tx, { actor, action: "comment.bulk_start", entityType: "bulk_run", entityId: run.id, details });
  return run;
}
