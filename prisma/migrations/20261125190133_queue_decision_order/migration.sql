-- Approved and Hidden tabs page newest decision first on (decidedAt DESC, id DESC) within a status.
-- CreateIndex
CREATE INDEX "comment_status_decidedAt_id_idx" ON "comment"("status", "decidedAt" DESC, "id" DESC);
