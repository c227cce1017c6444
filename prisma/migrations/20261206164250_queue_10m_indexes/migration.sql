-- The queue at ten million comments, second round (docs/scaling.md, "At 10M, December 6 evening"):
-- two indexes of comment replaced, none added.

-- The article filter. With (articleId, postedAt), the busiest thread's Flagged page (20,000
-- comments at 10M) read every comment of the article and sorted them. Keyed like the tab's order,
-- the filtered page is a keyset read; every `"articleId" = x` lookup keeps its leading column (the
-- thread page picks its rows by time from this index alone: lib/moderation/get-article-thread.ts).
DROP INDEX "comment_articleId_postedAt_idx";
CREATE INDEX "comment_articleId_status_priority_postedAt_id_idx" ON "comment"("articleId", "status", "priority" DESC, "postedAt", "id");

-- Search: one partial GIN index per status instead of comment((ARRAY[status]), searchVector). In
-- that index a Pending search intersected its terms with the posting list of every pending comment
-- (875,000 at 10M), decoded whole on each search: 60-140 ms of index time where the pending-only
-- index takes 8-17 ms for the same bitmap. A decision moves the row's entries to its new status's
-- index, as it rewrote them in the old one. Prisma cannot describe a partial GIN index: the
-- schema says so in a comment, and lib/moderation/search-index-scope.ts writes the conditions that
-- select them (the All tab: an OR of the three statuses, a BitmapOr of the three indexes).
DROP INDEX "comment_search_by_status_idx";
CREATE INDEX "comment_search_pending_idx" ON "comment" USING GIN ("searchVector") WHERE "status" = 'PENDING';
CREATE INDEX "comment_search_approved_idx" ON "comment" USING GIN ("searchVector") WHERE "status" = 'APPROVED';
CREATE INDEX "comment_search_hidden_idx" ON "comment" USING GIN ("searchVector") WHERE "status" = 'HIDDEN';
