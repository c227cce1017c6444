-- AlterEnum
ALTER TYPE "RuleKind" ADD VALUE 'EXTERNAL';

-- CreateTable
CREATE TABLE "external_score_pending" (
    "commentId" INTEGER NOT NULL,
    "ruleId" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_score_pending_pkey" PRIMARY KEY ("commentId","ruleId")
);

-- CreateTable
CREATE TABLE "external_classifier_secret" (
    "ruleId" INTEGER NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_classifier_secret_pkey" PRIMARY KEY ("ruleId")
);

-- CreateIndex
CREATE INDEX "external_score_pending_ruleId_nextAttemptAt_idx" ON "external_score_pending"("ruleId", "nextAttemptAt");
