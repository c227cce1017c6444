-- Full-text search over comment bodies for the queue's search box. 'simple' keeps every word
-- (no English stemming or stop words): readers write in English, Urdu and Hindi, often mixed.
CREATE INDEX "comment_body_search" ON "comment" USING gin (to_tsvector('simple', "body"));
