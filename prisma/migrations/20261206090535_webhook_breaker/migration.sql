-- DropForeignKey
ALTER TABLE "webhook_delivery" DROP CONSTRAINT "webhook_delivery_endpointId_fkey";

-- DropIndex
DROP INDEX "webhook_delivery_endpointId_id_idx";

-- DropIndex
DROP INDEX "webhook_delivery_endpointId_orderingKey_id_idx";

-- DropIndex
DROP INDEX "webhook_delivery_messageId_key";

-- DropIndex
DROP INDEX "webhook_delivery_status_nextAttemptAt_id_idx";

-- AlterTable
ALTER TABLE "webhook_delivery" ADD COLUMN     "commentId" INTEGER;

-- AlterTable
ALTER TABLE "webhook_endpoint" ADD COLUMN     "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failingSince" TIMESTAMP(3),
ADD COLUMN     "pausedUntil" TIMESTAMP(3);

-- The drain's indexes, over pending rows only (written by hand: schema.prisma cannot say WHERE
-- without a preview feature). A decision writes one entry in each per endpoint; delivered rows
-- drop out of them (at the next vacuum), so they stay the size of the backlog, not of the history.
-- Which endpoints have due deliveries, and per endpoint the due ones, oldest first (the claim):
CREATE INDEX "webhook_delivery_due_idx" ON "webhook_delivery"("endpointId", "nextAttemptAt", "id") WHERE "status" = 'PENDING';
-- Is an earlier event of the same comment (ordering key) still pending for this endpoint?
CREATE INDEX "webhook_delivery_pending_order_idx" ON "webhook_delivery"("endpointId", "orderingKey", "id") WHERE "status" = 'PENDING';
