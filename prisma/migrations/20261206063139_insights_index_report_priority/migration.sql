-- DropIndex
DROP INDEX "comment_postedAt_articleId_status_priority_isHeld_idx";

-- CreateIndex
CREATE INDEX "comment_postedAt_articleId_status_priority_isHeld_reportPri_idx" ON "comment"("postedAt", "articleId", "status", "priority", "isHeld", "reportPriority");
