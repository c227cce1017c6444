-- CreateTable
CREATE TABLE "rule_version" (
    "id" SERIAL NOT NULL,
    "ruleId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rule_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment_note" (
    "id" SERIAL NOT NULL,
    "commentId" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "writerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "author_note" (
    "id" SERIAL NOT NULL,
    "authorName" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "writerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "author_note_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "rule_version_ruleId_version_key" ON "rule_version"("ruleId", "version");

-- CreateIndex
CREATE INDEX "comment_note_commentId_createdAt_idx" ON "comment_note"("commentId", "createdAt");

-- CreateIndex
CREATE INDEX "author_note_authorName_createdAt_idx" ON "author_note"("authorName", "createdAt");

-- AddForeignKey
ALTER TABLE "rule_version" ADD CONSTRAINT "rule_version_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "rule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rule_version" ADD CONSTRAINT "rule_version_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_note" ADD CONSTRAINT "comment_note_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_note" ADD CONSTRAINT "comment_note_writerId_fkey" FOREIGN KEY ("writerId") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "author_note" ADD CONSTRAINT "author_note_writerId_fkey" FOREIGN KEY ("writerId") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
