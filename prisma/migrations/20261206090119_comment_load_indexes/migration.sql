-- A bulk load writes every index of comment for every row: fewer index entries per row are the
-- cheapest speed there is (docs/loading.md, "Speed"). None of these three serves the queue.

-- The comments of an import batch (the EXTERNAL rules' pending scores, lib/external-classifier):
-- a batch's rows are written together, so a BRIN range index finds them at a fraction of a B-tree's
-- upkeep.
DROP INDEX "comment_importBatchId_idx";
CREATE INDEX "comment_importBatchId_idx" ON "comment" USING BRIN ("importBatchId");

-- Replies of a comment (the self foreign key's ON DELETE SET NULL): nine comments in ten are not
-- replies, and need no entry. `"parentId" = x` implies the predicate, so every such lookup still
-- uses the index.
DROP INDEX "comment_parentId_idx";
CREATE INDEX "comment_reply_parent_idx" ON "comment" ("parentId") WHERE "parentId" IS NOT NULL;

-- Replies still waiting for their parent, by the parent's key (lib/import/write-comment-chunk.ts,
-- linkParents: the same predicate). A reply linked as it is written never enters it, so it stays
-- small, and looking up a chunk's new keys in it costs little.
DROP INDEX "comment_parentDedupeKey_idx";
CREATE INDEX "comment_unlinked_reply_idx" ON "comment" ("parentDedupeKey") WHERE "parentId" IS NULL AND "parentDedupeKey" IS NOT NULL;
