-- The queue's full-text search reads a stored tsvector instead of re-tokenizing every body it
-- walks past: broad searches combined with a filter test many rows, and to_tsvector per row was
-- what made them slow at a million comments.
ALTER TABLE "comment" ADD COLUMN     "searchVector" tsvector;

-- Kept by the database, whichever way a comment arrives (COPY import, API, tests, seeding).
CREATE FUNCTION "comment_search_vector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('simple', NEW."body");
  RETURN NEW;
END
$$;

CREATE TRIGGER "comment_search_vector" BEFORE INSERT OR UPDATE OF "body" ON "comment"
  FOR EACH ROW EXECUTE FUNCTION "comment_search_vector_refresh"();

UPDATE "comment" SET "searchVector" = to_tsvector('simple', "body");

-- CreateIndex
CREATE INDEX "comment_searchVector_idx" ON "comment" USING GIN ("searchVector");

-- The expression index it replaces.
DROP INDEX IF EXISTS "comment_body_search";
