-- insights_day.articles is now packed as varints (lib/insights/packed-article-counts.ts) instead
-- of big-endian int4 quadruples: about 4 bytes per (day, article) entry instead of 16. The stored
-- days are re-packed by the insights-rollup job, newest first: each is marked dirty and its old
-- bytes cleared (a day read before its refresh is computed from the comments, as a changed day
-- is, never read in the old form). No schema change: `npm run db:migration` creates none for it.
INSERT INTO "insights_dirty_day" ("day") SELECT "day" FROM "insights_day" WHERE "articles" IS NOT NULL ON CONFLICT DO NOTHING;
UPDATE "insights_day" SET "articles" = NULL WHERE "articles" IS NOT NULL;
