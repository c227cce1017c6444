-- CreateTable
CREATE TABLE "bulk_run" (
    "id" SERIAL NOT NULL,
    "action" "DecisionAction" NOT NULL,
    "reason" "ReasonCategory",
    "note" TEXT,
    "query" JSONB NOT NULL,
    "commentIds" INTEGER[],
    "expectedVersions" INTEGER[],
    "expectedStatuses" "CommentStatus"[],
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "decided" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "error" TEXT,
    "requestedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "bulk_run_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "bulk_run" ADD CONSTRAINT "bulk_run_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
