-- CreateIndex
CREATE INDEX "sign_in_attempt_ipAddress_attemptedAt_idx" ON "sign_in_attempt"("ipAddress", "attemptedAt");
