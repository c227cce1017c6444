-- The queue at ten million comments (docs/scaling.md, "Queue and search at 10M"): two indexes of
-- comment replaced by ones that serve the same lookups and the paths that grew with the table.

-- The author filter and the card's author record. With (authorName) alone, the Pending page of a
-- regular (14,000 comments at 10M) was planned as a bitmap AND with every pending comment's entry
-- (875,000) and the author record visited each of the author's comments in the heap. Keyed like
-- the tab's order, the filtered page is a keyset read and the record an index-only scan; every
-- `"authorName" = x` lookup still uses the leading column.
DROP INDEX "comment_authorName_idx";
CREATE INDEX "comment_authorName_status_priority_postedAt_id_idx" ON "comment"("authorName", "status", "priority" DESC, "postedAt", "id");

-- Search: the tab's status beside the lexemes in one GIN index, as a one-element array (core
-- GIN array_ops: no extension). A search's terms are intersected with the tab's status inside the
-- index (`ARRAY[status] @> ARRAY['PENDING']`, lib/moderation/search-queue-page.ts), so a word in 8%
-- of the comments costs the pending comments that have it, not a heap visit for each of its
-- postings. An expression, not the column: a plain `status = x` elsewhere must not be planned as a
-- bitmap of every pending comment from this index (with btree_gin's status column it was, at 10M:
-- the Flagged page of one article went from 0.36 to 1.0 s). A condition on the vector alone (the All
-- tab, the suggestion sort) still uses the index. Prisma cannot describe an expression index:
-- schema.prisma says so in a comment.
DROP INDEX "comment_searchVector_idx";
CREATE INDEX "comment_search_by_status_idx" ON "comment" USING GIN ((ARRAY["status"]), "searchVector");
