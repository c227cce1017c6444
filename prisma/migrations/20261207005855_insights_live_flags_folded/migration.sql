-- CreateTable
CREATE TABLE "insights_live_flag_day" (
    "day" DATE NOT NULL,
    "rules" JSONB NOT NULL,
    "categories" JSONB NOT NULL,
    "foldedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "insights_live_flag_day_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "insights_live_flag_delta" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "commentId" INTEGER NOT NULL,
    "ruleId" INTEGER NOT NULL,
    "category" "RuleCategory" NOT NULL,
    "status" "CommentStatus" NOT NULL,
    "byPerson" BOOLEAN NOT NULL,
    "sign" SMALLINT NOT NULL,

    CONSTRAINT "insights_live_flag_delta_pkey" PRIMARY KEY ("id")
);

-- The live posted days' rule and category figures were computed from insights_live_flag on every
-- load of Insights: a DISTINCT aggregation over the three days' flags (at 10M comments about 27,000
-- rows, 35-90 ms a load). Now every change of its counted rows is appended here, +1 for a row as
-- it now is and -1 for a row as it was, and the insights-rollup job folds them into
-- insights_live_flag_day (lib/insights/fold-live-flags.ts): a live day's figures are its folded row
-- plus what the changed comments' rows add and take away (lib/insights/live-flag-days.ts), so a
-- load costs the comments changed since the last fold, not the day's flags.
--
-- Rows of a comment, not counters per (day, rule, category): a rule's "fired" and a category's
-- "comments" count distinct comments, so a change's effect depends on the comment's other flags;
-- the reader finds them in insights_live_flag (its rows now, minus these deltas: its rows at the
-- fold) in the same statement. Append-only, as insights_live_article_delta: concurrent writers never
-- wait on a shared row. Only rows that count (counted: the comment's priority > 0) are appended.
CREATE FUNCTION "insights_live_flag_append"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "insights_live_flag_delta" ("day", "commentId", "ruleId", "category", "status", "byPerson", "sign")
    SELECT n."day", n."commentId", n."ruleId", n.category, n.status, n."byPerson", 1 FROM new_rows n WHERE n.counted;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "insights_live_flag_delta" ("day", "commentId", "ruleId", "category", "status", "byPerson", "sign")
    SELECT o."day", o."commentId", o."ruleId", o.category, o.status, o."byPerson", -1 FROM old_rows o WHERE o.counted;
  ELSE
    INSERT INTO "insights_live_flag_delta" ("day", "commentId", "ruleId", "category", "status", "byPerson", "sign")
    SELECT v."day", v."commentId", v."ruleId", v.category, v.status, v."byPerson", v.sign
    FROM new_rows n JOIN old_rows o ON o."flagId" = n."flagId"
    CROSS JOIN LATERAL (VALUES
      (n."day", n."commentId", n."ruleId", n.category, n.status, n."byPerson", n.counted, 1),
      (o."day", o."commentId", o."ruleId", o.category, o.status, o."byPerson", o.counted, -1)
    ) v("day", "commentId", "ruleId", category, status, "byPerson", counted, sign)
    WHERE v.counted
      AND (n."day", n."commentId", n."ruleId", n.category, n.status, n."byPerson", n.counted)
          IS DISTINCT FROM (o."day", o."commentId", o."ruleId", o.category, o.status, o."byPerson", o.counted);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "insights_live_flag_append_insert" AFTER INSERT ON "insights_live_flag"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_flag_append"();
CREATE TRIGGER "insights_live_flag_append_update" AFTER UPDATE ON "insights_live_flag"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_flag_append"();
CREATE TRIGGER "insights_live_flag_append_delete" AFTER DELETE ON "insights_live_flag"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_flag_append"();

-- TRUNCATE of comment or flag empties insights_live_flag (a DELETE, which appends -1s): the folded
-- days and their deltas go too.
CREATE FUNCTION "insights_live_flag_day_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "insights_live_flag_delta";
  DELETE FROM "insights_live_flag_day";
  RETURN NULL;
END
$$;

-- Named to run after insights_live_flag_truncate_* (triggers of one event fire in name order).
CREATE TRIGGER "insights_live_flag_zz_truncate_comment" AFTER TRUNCATE ON "comment"
  FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_flag_day_reset"();
CREATE TRIGGER "insights_live_flag_zz_truncate_flag" AFTER TRUNCATE ON "flag"
  FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_flag_day_reset"();
