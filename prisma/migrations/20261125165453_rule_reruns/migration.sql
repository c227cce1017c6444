-- CreateEnum
CREATE TYPE "RuleRerunStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED');

-- CreateTable
CREATE TABLE "rule_rerun" (
    "id" SERIAL NOT NULL,
    "status" "RuleRerunStatus" NOT NULL DEFAULT 'QUEUED',
    "jobId" TEXT,
    "requestedBy" TEXT NOT NULL,
    "maxCommentId" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "lastCommentId" INTEGER NOT NULL DEFAULT 0,
    "flagged" INTEGER NOT NULL DEFAULT 0,
    "autoHidden" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "rule_rerun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rule_rerun_createdAt_idx" ON "rule_rerun"("createdAt");
