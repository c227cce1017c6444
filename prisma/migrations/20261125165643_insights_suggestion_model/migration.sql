-- CreateTable
CREATE TABLE "suggestion_model" (
    "id" SERIAL NOT NULL,
    "trainedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decisions" INTEGER NOT NULL,
    "heldOutAccuracy" DOUBLE PRECISION NOT NULL,
    "baselineAccuracy" DOUBLE PRECISION NOT NULL,
    "params" JSONB NOT NULL,

    CONSTRAINT "suggestion_model_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "suggestion_model_trainedAt_idx" ON "suggestion_model"("trainedAt");

-- CreateIndex
CREATE INDEX "comment_postedAt_idx" ON "comment"("postedAt");
