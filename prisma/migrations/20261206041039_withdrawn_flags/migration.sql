-- AlterTable
ALTER TABLE "rule_rerun" ADD COLUMN     "pendingOnly" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "withdrawn_flag" (
    "id" SERIAL NOT NULL,
    "commentId" INTEGER NOT NULL,
    "ruleId" INTEGER NOT NULL,
    "ruleVersion" INTEGER NOT NULL,
    "category" "RuleCategory" NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "spans" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "withdrawn_flag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "withdrawn_flag_commentId_idx" ON "withdrawn_flag"("commentId");

-- CreateIndex
CREATE INDEX "withdrawn_flag_ruleId_idx" ON "withdrawn_flag"("ruleId");

-- AddForeignKey
ALTER TABLE "withdrawn_flag" ADD CONSTRAINT "withdrawn_flag_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "withdrawn_flag" ADD CONSTRAINT "withdrawn_flag_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "rule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
