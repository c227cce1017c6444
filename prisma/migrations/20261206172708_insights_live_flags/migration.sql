-- CreateTable
CREATE TABLE "insights_live_flag" (
    "flagId" INTEGER NOT NULL,
    "commentId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "ruleId" INTEGER NOT NULL,
    "category" "RuleCategory" NOT NULL,
    "status" "CommentStatus" NOT NULL,
    "byPerson" BOOLEAN NOT NULL,
    "counted" BOOLEAN NOT NULL,

    CONSTRAINT "insights_live_flag_pkey" PRIMARY KEY ("flagId")
);

-- CreateIndex
CREATE INDEX "insights_live_flag_commentId_idx" ON "insights_live_flag"("commentId");

-- CreateIndex
CREATE INDEX "insights_live_flag_day_idx" ON "insights_live_flag"("day");

-- The live posted days' rule and category figures (today, yesterday, the day before) were computed
-- from the comments: a probe of flag per flagged comment of the days and its heap row for the
-- decider (at 10M comments 18,000 probes, 140-260 ms a page load). Now these statement triggers
-- keep, for each flag of a comment posted on or after insights_decided_since.day, a row with its
-- comment's state, and those days are read from here (lib/insights/compute-day-summaries.ts).
--
-- Keyed rows, not +1/-1 counters per (day, rule, category): a rule's "fired" and a category's
-- "comments" count distinct comments (a comment may have two flags of one rule), a deleted
-- comment's flags go by the cascade (neither trigger would see both sides to know what to
-- subtract), and a flag is inserted without waiting for a moderator's uncommitted update of its
-- comment. Exactness under concurrent writers (READ COMMITTED, as every caller in lib/ is):
-- - a new flag's rows take FOR SHARE on their comments, so a rule run waits for a moderator's
--   uncommitted decision and then reads the comment as committed (and a decision waits for a
--   rule run that got there first, whose rows its trigger then updates);
-- - a comment's state change updates its rows in place, never deletes and re-inserts them: a
--   concurrent flag delete waiting on such a row follows the update and deletes it;
-- - a flag delete (cascades included) deletes its rows by flag id.
-- Rows are held from insights_decided_since.day on (the insights-rollup job moves it and deletes
-- older rows); readers use this table for days on or after it, the comments for older ones.

CREATE FUNCTION "insights_live_flag_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "insights_live_flag" ("flagId", "commentId", "day", "ruleId", "category", "status", "byPerson", "counted")
  SELECT n.id, c.id, c."postedAt"::date, n."ruleId", n.category, c.status, c."decidedById" IS NOT NULL, c.priority > 0
  FROM new_rows n
  JOIN (
    SELECT x.id, x."postedAt", x.status, x."decidedById", x.priority FROM "comment" x
    WHERE x.id IN (SELECT "commentId" FROM new_rows)
      AND x."postedAt" >= (SELECT s."day" FROM "insights_decided_since" s WHERE s.id = 1)
    ORDER BY x.id
    FOR SHARE
  ) c ON c.id = n."commentId";
  RETURN NULL;
END
$$;

CREATE FUNCTION "insights_live_flag_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "insights_live_flag" l WHERE l."flagId" IN (SELECT o.id FROM old_rows o);
  RETURN NULL;
END
$$;

-- A comment's status, decider, priority > 0 or posted day changed: its rows follow, in place.
-- A posted day moved out of the held days drops its rows; moved into them adds its flags.
CREATE FUNCTION "insights_live_flag_comments"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "since" date := (SELECT s."day" FROM "insights_decided_since" s WHERE s.id = 1);
BEGIN
  UPDATE "insights_live_flag" l
  SET "day" = n."postedAt"::date, "status" = n.status, "byPerson" = n."decidedById" IS NOT NULL, "counted" = n.priority > 0
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE l."commentId" = n.id AND n."postedAt" >= "since" AND o."postedAt" >= "since"
    AND (n.status, n."decidedById" IS NOT NULL, n.priority > 0, n."postedAt"::date)
        IS DISTINCT FROM (o.status, o."decidedById" IS NOT NULL, o.priority > 0, o."postedAt"::date);
  IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n."postedAt" >= "since") <> (o."postedAt" >= "since")) THEN
    DELETE FROM "insights_live_flag" l USING new_rows n WHERE l."commentId" = n.id AND n."postedAt" < "since";
    INSERT INTO "insights_live_flag" ("flagId", "commentId", "day", "ruleId", "category", "status", "byPerson", "counted")
    SELECT f.id, n.id, n."postedAt"::date, f."ruleId", f.category, n.status, n."decidedById" IS NOT NULL, n.priority > 0
    FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "flag" f ON f."commentId" = n.id
    WHERE n."postedAt" >= "since" AND o."postedAt" < "since"
    ON CONFLICT ("flagId") DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "insights_live_flag_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "insights_live_flag";
  RETURN NULL;
END
$$;

CREATE TRIGGER "insights_live_flag_insert" AFTER INSERT ON "flag"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_flag_insert"();
CREATE TRIGGER "insights_live_flag_delete" AFTER DELETE ON "flag"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_flag_delete"();
CREATE TRIGGER "insights_live_flag_comments" AFTER UPDATE ON "comment"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_flag_comments"();
CREATE TRIGGER "insights_live_flag_truncate_flag" AFTER TRUNCATE ON "flag"
  FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_flag_reset"();
CREATE TRIGGER "insights_live_flag_truncate_comment" AFTER TRUNCATE ON "comment"
  FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_flag_reset"();

INSERT INTO "insights_live_flag" ("flagId", "commentId", "day", "ruleId", "category", "status", "byPerson", "counted")
SELECT f.id, c.id, c."postedAt"::date, f."ruleId", f.category, c.status, c."decidedById" IS NOT NULL, c.priority > 0
FROM "comment" c JOIN "flag" f ON f."commentId" = c.id
WHERE c."postedAt" >= (SELECT s."day" FROM "insights_decided_since" s WHERE s.id = 1);
