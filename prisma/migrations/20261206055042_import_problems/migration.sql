-- CreateTable
CREATE TABLE "import_problem" (
    "id" BIGSERIAL NOT NULL,
    "batchId" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "field" TEXT,
    "message" TEXT NOT NULL,

    CONSTRAINT "import_problem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_problem_batchId_id_idx" ON "import_problem"("batchId", "id");

-- AddForeignKey
ALTER TABLE "import_problem" ADD CONSTRAINT "import_problem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "import_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
