import "server-only";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";

export const importBatchSelect = {
  id: true,
  format: true,
  fileName: true,
  via: true,
  status: true,
  articles: true,
  added: true,
  duplicates: true,
  rejected: true,
  problems: true,
  startedAt: true,
  finishedAt: true,
  startedBy: { select: { email: true } },
} satisfies Prisma.ImportBatchSelect;

export type ImportBatchItem = Prisma.ImportBatchGetPayload<{ select: typeof importBatchSelect }>;

export function listImportBatches(limit = 100): Promise<ImportBatchItem[]> {
  return db.importBatch.findMany({ orderBy: { id: "desc" }, take: limit, select: importBatchSelect });
}
