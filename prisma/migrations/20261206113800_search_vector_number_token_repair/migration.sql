-- Until commit 320427a the loader computed the search vector of a body with a token that starts
-- with digits, an e and a digit ("2e829e79", "1e5") as one word, while PostgreSQL's parser reads
-- such a start as a number in scientific notation ('2e829', 'e79'): searching the token missed
-- those comments. Their vectors are made again as the trigger makes them (the body's lexemes, then
-- the flag categories' reserved lexemes). Only bodies with such a token are read twice; the
-- condition is a superset of the loader's (any digits-e-digit after a non-alphanumeric character).
UPDATE "comment"
SET "searchVector" = to_tsvector('simple', "body")
  || CASE WHEN cardinality("flagCategories") > 0
       THEN array_to_tsvector(ARRAY(SELECT 'category:' || lower(c::text) FROM unnest("flagCategories") c))
       ELSE ''::tsvector END
WHERE "body" ~ '(^|[^[:alnum:]])[0-9]+[eE][0-9]';
