-- CreateTable
CREATE TABLE "comment_author" (
    "name" TEXT NOT NULL,

    CONSTRAINT "comment_author_pkey" PRIMARY KEY ("name")
);

-- The author filter finds what a moderator means: "rahul" finds "Rahul". Not an index on comment
-- (each one slows every import): the distinct names live here, a few per thousand comments, and the
-- queue resolves the typed text to stored names in this small table first
-- (lib/moderation/resolve-author-names.ts), then filters comment by exact name on its author index.
-- text_pattern_ops: equality and LIKE 'prefix%' whatever the database's collation.
CREATE INDEX "comment_author_lower_name_idx" ON "comment_author" (lower("name") text_pattern_ops);

-- Statement-level with a transition table, like queue_tab_delta: a million-row COPY pays one
-- DISTINCT over its names and an index probe per distinct name; a single comment one probe. Sorted,
-- so two imports adding the same new names take their locks in the same order (no deadlock).
-- Only INSERT: nothing changes a comment's authorName after it is stored.
CREATE FUNCTION "comment_author_append"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "comment_author" ("name")
    SELECT DISTINCT "authorName" FROM new_rows WHERE "authorName" IS NOT NULL ORDER BY 1
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER "comment_author_insert" AFTER INSERT ON "comment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "comment_author_append"();

-- The names already stored: one pass over the author index (index-only, distinct names in order).
INSERT INTO "comment_author" ("name") SELECT DISTINCT "authorName" FROM "comment" WHERE "authorName" IS NOT NULL;
