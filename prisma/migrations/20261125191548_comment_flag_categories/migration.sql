-- AlterTable
ALTER TABLE "comment" ADD COLUMN     "flagCategories" "RuleCategory"[] DEFAULT ARRAY[]::"RuleCategory"[];

-- The queue's category filter was an EXISTS on flag tested after the full-text step, so a rare
-- category with a broad search read many comments to find a page. The categories travel in the
-- search vector as reserved lexemes instead ('category:abusive'), and `q + category` is one GIN
-- query. The parser never emits such a lexeme from text: a ':' stays inside a lexeme only in URL,
-- host:port and path tokens, which carry a '/' or '.' (checked by lib/moderation/flag-category-lexemes.db.test.ts),
-- so neither a comment's body nor a user's search can forge one.
-- The column is written by whoever writes the flags, in the same statement or transaction: the
-- import's COPY, rule re-runs' batch UPDATE.
CREATE OR REPLACE FUNCTION "comment_search_vector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."body" IS NOT DISTINCT FROM OLD."body" AND OLD."searchVector" IS NOT NULL THEN
    -- Only the categories changed (a rule re-run): keep the body's lexemes, skip re-tokenizing.
    NEW."searchVector" := ts_delete(OLD."searchVector", ARRAY(SELECT 'category:' || lower(e::text) FROM unnest(enum_range(NULL::"RuleCategory")) e));
  ELSE
    NEW."searchVector" := to_tsvector('simple', NEW."body");
  END IF;
  IF cardinality(NEW."flagCategories") > 0 THEN
    NEW."searchVector" := NEW."searchVector" || array_to_tsvector(ARRAY(SELECT 'category:' || lower(c::text) FROM unnest(NEW."flagCategories") c));
  END IF;
  RETURN NEW;
END
$$;

DROP TRIGGER "comment_search_vector" ON "comment";
CREATE TRIGGER "comment_search_vector" BEFORE INSERT OR UPDATE OF "body", "flagCategories" ON "comment"
  FOR EACH ROW EXECUTE FUNCTION "comment_search_vector_refresh"();

-- Backfill (the trigger adds the lexemes), in the enum's order as the writers use it.
UPDATE "comment" c SET "flagCategories" = f.categories
FROM (SELECT "commentId", array_agg(DISTINCT category ORDER BY category) AS categories FROM "flag" GROUP BY "commentId") f
WHERE c.id = f."commentId";
