-- The import computes to_tsvector('simple', body) itself for bodies whose tokens it can predict
-- (lib/import/search-vector.ts, checked against PostgreSQL by search-vector.db.test.ts) and hands it
-- over with the row: PostgreSQL's parser was three quarters of the database's time in a bulk load.
-- A vector given on INSERT is kept (the categories are still added here); every other insert, and
-- any change of the body, is tokenized here as before.
CREATE OR REPLACE FUNCTION "comment_search_vector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW."searchVector" IS NOT NULL THEN
    NULL;
  ELSIF TG_OP = 'UPDATE' AND NEW."body" IS NOT DISTINCT FROM OLD."body" AND OLD."searchVector" IS NOT NULL THEN
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
