-- AlterTable
ALTER TABLE "bulk_run" ADD COLUMN     "undoesRunId" INTEGER;

-- AlterTable
ALTER TABLE "decision" ADD COLUMN     "bulkRunId" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "bulk_run_undoesRunId_key" ON "bulk_run"("undoesRunId");

-- Undoing a bulk run reads its decisions by run. Nearly every decision was made by hand and has no
-- run: a partial index holds only the others (Prisma cannot describe it; the schema says so).
CREATE INDEX "decision_bulkRunId_commentId_idx" ON "decision"("bulkRunId", "commentId") WHERE "bulkRunId" IS NOT NULL;
