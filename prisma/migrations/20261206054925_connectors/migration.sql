-- CreateEnum
CREATE TYPE "ConnectorPushStatus" AS ENUM ('PENDING', 'APPLIED', 'CONFLICT', 'FAILED', 'DISMISSED');

-- CreateTable
CREATE TABLE "connector" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "cursor" TEXT,
    "lastSyncAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "connector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connector_sync" (
    "id" SERIAL NOT NULL,
    "connectorId" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "pulled" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "importBatchId" INTEGER,
    "error" TEXT,

    CONSTRAINT "connector_sync_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connector_comment" (
    "id" SERIAL NOT NULL,
    "connectorId" INTEGER NOT NULL,
    "commentId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "siteVersion" TEXT NOT NULL,
    "siteStatus" TEXT NOT NULL,
    "previousSiteStatus" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "connector_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connector_push" (
    "id" SERIAL NOT NULL,
    "connectorId" INTEGER NOT NULL,
    "commentId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "decisionId" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "note" TEXT,
    "force" BOOLEAN NOT NULL DEFAULT false,
    "status" "ConnectorPushStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" TIMESTAMP(3),
    "lastError" TEXT,
    "siteStatus" TEXT,
    "siteVersion" TEXT,
    "conflictDetail" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "connector_push_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "connector_kind_key" ON "connector"("kind");

-- CreateIndex
CREATE INDEX "connector_sync_connectorId_id_idx" ON "connector_sync"("connectorId", "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "connector_comment_commentId_key" ON "connector_comment"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "connector_comment_connectorId_externalId_key" ON "connector_comment"("connectorId", "externalId");

-- CreateIndex
CREATE INDEX "connector_push_status_nextAttemptAt_id_idx" ON "connector_push"("status", "nextAttemptAt", "id");

-- CreateIndex
CREATE INDEX "connector_push_connectorId_commentId_id_idx" ON "connector_push"("connectorId", "commentId", "id");

-- CreateIndex
CREATE INDEX "connector_push_connectorId_id_idx" ON "connector_push"("connectorId", "id" DESC);

-- AddForeignKey
ALTER TABLE "connector_sync" ADD CONSTRAINT "connector_sync_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "connector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connector_comment" ADD CONSTRAINT "connector_comment_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "connector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connector_push" ADD CONSTRAINT "connector_push_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "connector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
