-- CreateEnum
CREATE TYPE "ReaderReportReason" AS ENUM ('ABUSIVE', 'SPAM', 'OFF_TOPIC', 'ILLEGAL', 'OTHER');

-- AlterTable
ALTER TABLE "comment" ADD COLUMN     "reportCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reportPriority" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "queue_tab_delta" ADD COLUMN     "reported" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "reader_report" (
    "id" SERIAL NOT NULL,
    "commentId" INTEGER NOT NULL,
    "reason" "ReaderReportReason" NOT NULL,
    "note" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "reporterKey" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reader_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reader_report_commentId_reporterKey_reason_key" ON "reader_report"("commentId", "reporterKey", "reason");

-- AddForeignKey
ALTER TABLE "reader_report" ADD CONSTRAINT "reader_report_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The Reported tab: pending comments with reports, most reported first, then the queue's own order.
-- Partial: the few reported comments, not every row the import writes (written by hand; schema.prisma
-- cannot say WHERE without a preview feature).
CREATE INDEX "comment_reported_queue_idx" ON "comment"("reportCount" DESC, "priority" DESC, "postedAt", "id") WHERE "status" = 'PENDING' AND "reportCount" > 0;

-- The tab counts (migration queue_tab_counts) learn the Reported tab, and Flagged keeps meaning "a
-- rule raised it": reports add to priority (reportPriority of it), so a comment only readers
-- reported has priority = reportPriority and is not counted as flagged.
CREATE OR REPLACE FUNCTION "queue_tab_delta_append"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT count(*) FILTER (WHERE status = 'PENDING' AND priority > "reportPriority") AS flagged, count(*) FILTER (WHERE status = 'PENDING') AS pending,
           count(*) FILTER (WHERE status = 'APPROVED') AS approved, count(*) FILTER (WHERE status = 'HIDDEN') AS hidden, count(*) AS "all",
           count(*) FILTER (WHERE status = 'PENDING' AND "reportCount" > 0) AS reported
      INTO d FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT -count(*) FILTER (WHERE status = 'PENDING' AND priority > "reportPriority") AS flagged, -count(*) FILTER (WHERE status = 'PENDING') AS pending,
           -count(*) FILTER (WHERE status = 'APPROVED') AS approved, -count(*) FILTER (WHERE status = 'HIDDEN') AS hidden, -count(*) AS "all",
           -count(*) FILTER (WHERE status = 'PENDING' AND "reportCount" > 0) AS reported
      INTO d FROM old_rows;
  ELSE
    SELECT coalesce(sum(sign) FILTER (WHERE status = 'PENDING' AND priority > "reportPriority"), 0) AS flagged,
           coalesce(sum(sign) FILTER (WHERE status = 'PENDING'), 0) AS pending,
           coalesce(sum(sign) FILTER (WHERE status = 'APPROVED'), 0) AS approved,
           coalesce(sum(sign) FILTER (WHERE status = 'HIDDEN'), 0) AS hidden,
           coalesce(sum(sign), 0) AS "all",
           coalesce(sum(sign) FILTER (WHERE status = 'PENDING' AND "reportCount" > 0), 0) AS reported
      INTO d FROM (SELECT status, priority, "reportPriority", "reportCount", 1 AS sign FROM new_rows
                   UNION ALL SELECT status, priority, "reportPriority", "reportCount", -1 FROM old_rows) both_sides;
  END IF;
  IF d.flagged <> 0 OR d.pending <> 0 OR d.approved <> 0 OR d.hidden <> 0 OR d."all" <> 0 OR d.reported <> 0 THEN
    INSERT INTO "queue_tab_delta" ("flagged", "pending", "approved", "hidden", "all", "reported") VALUES (d.flagged, d.pending, d.approved, d.hidden, d."all", d.reported);
  END IF;
  RETURN NULL;
END
$$;
