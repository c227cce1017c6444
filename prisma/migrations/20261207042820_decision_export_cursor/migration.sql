-- Incremental exports (lib/export/export-cursor.ts) need the transaction that wrote each decision.
-- Decisions already there get '0' (earlier than any snapshot, so "already exported" to any cursor,
-- all of which are taken after this migration): a constant default is stored once in the catalog,
-- where pg_current_xact_id() as the column's default would rewrite the whole table under an
-- exclusive lock. New decisions take the id of their transaction.
-- AlterTable
ALTER TABLE "decision" ADD COLUMN     "xactId" xid8 NOT NULL DEFAULT '0';
ALTER TABLE "decision" ALTER COLUMN "xactId" SET DEFAULT pg_current_xact_id();

-- An export after a cursor reads the decisions of transactions from the cursor's xmin on: a
-- few recent ones among all.
CREATE INDEX "decision_xactId_idx" ON "decision"("xactId");
