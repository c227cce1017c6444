-- CreateTable
CREATE TABLE "insights_day" (
    "day" DATE NOT NULL,
    "summary" JSONB NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "insights_day_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "insights_dirty_day" (
    "day" DATE NOT NULL,

    CONSTRAINT "insights_dirty_day_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "comment_suggestion" (
    "commentId" INTEGER NOT NULL,
    "modelId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "hideProbability" DOUBLE PRECISION NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "reasonConfidence" DOUBLE PRECISION,
    "words" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_suggestion_pkey" PRIMARY KEY ("commentId")
);

-- CreateIndex
CREATE INDEX "comment_suggestion_hideProbability_commentId_idx" ON "comment_suggestion"("hideProbability" DESC, "commentId" DESC);

-- Insights rollup freshness: any change to a comment, its flags or its decisions marks the posted
-- day of that comment dirty, whichever path made it (decisions, COPY imports, rule re-runs, API).
-- Statement-level with transition tables: a handful of statements per statement, not per row, so
-- a million-row COPY pays one DISTINCT and a decision two primary-key touches.
--
-- The race it closes: the refresh (lib/insights/refresh-insights-rollup.ts) deletes a day's dirty
-- row, then computes the day in a later snapshot. A change must not commit after that snapshot
-- while its dirty mark is already gone. So a change holds a FOR KEY SHARE lock on its days' dirty
-- rows until it commits (shared: concurrent changes do not wait for each other), and the
-- refresh's DELETE waits for those locks. The loop covers a refresh deleting the row between our
-- insert and our lock. Today and yesterday (UTC) are never refreshed (the page computes them
-- live), so changes to them, nearly all decisions, only insert (nothing when the mark exists)
-- and take no lock: the hot day's row is not a point where every decision meets.
CREATE FUNCTION "insights_mark_days_dirty"("days" date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  "settled" date[];
  locked int;
BEGIN
  IF "days" IS NULL OR cardinality("days") = 0 THEN RETURN; END IF;
  "settled" := ARRAY(SELECT d FROM unnest("days") d WHERE d < (now() AT TIME ZONE 'UTC')::date - 1);
  LOOP
    INSERT INTO "insights_dirty_day" ("day") SELECT unnest("days") ON CONFLICT DO NOTHING;
    IF cardinality("settled") = 0 THEN RETURN; END IF;
    SELECT count(*) INTO locked FROM (SELECT 1 FROM "insights_dirty_day" WHERE "day" = ANY ("settled") FOR KEY SHARE) held;
    EXIT WHEN locked = cardinality("settled");
  END LOOP;
END
$$;

CREATE FUNCTION "insights_mark_dirty_comments"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "days" date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."postedAt"::date) INTO "days" FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT d) INTO "days" FROM (SELECT n."postedAt"::date AS d FROM new_rows n UNION ALL SELECT o."postedAt"::date FROM old_rows o) both_sides;
  ELSE
    SELECT array_agg(DISTINCT o."postedAt"::date) INTO "days" FROM old_rows o;
  END IF;
  PERFORM "insights_mark_days_dirty"("days");
  RETURN NULL;
END
$$;

CREATE TRIGGER "insights_dirty_comment_insert" AFTER INSERT ON "comment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_mark_dirty_comments"();
CREATE TRIGGER "insights_dirty_comment_update" AFTER UPDATE ON "comment"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_mark_dirty_comments"();
CREATE TRIGGER "insights_dirty_comment_delete" AFTER DELETE ON "comment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_mark_dirty_comments"();

-- Flags and decisions belong to a comment: the day is that comment's.
CREATE FUNCTION "insights_mark_dirty_children"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "days" date[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT c."postedAt"::date) INTO "days" FROM "comment" c WHERE c.id IN (SELECT "commentId" FROM old_rows);
  ELSE
    SELECT array_agg(DISTINCT c."postedAt"::date) INTO "days" FROM "comment" c WHERE c.id IN (SELECT "commentId" FROM new_rows);
  END IF;
  PERFORM "insights_mark_days_dirty"("days");
  RETURN NULL;
END
$$;

CREATE TRIGGER "insights_dirty_flag_insert" AFTER INSERT ON "flag"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_mark_dirty_children"();
CREATE TRIGGER "insights_dirty_flag_delete" AFTER DELETE ON "flag"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_mark_dirty_children"();
CREATE TRIGGER "insights_dirty_decision_insert" AFTER INSERT ON "decision"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_mark_dirty_children"();

-- Existing comments: every day is dirty until the first refresh computes it.
INSERT INTO "insights_dirty_day" ("day") SELECT DISTINCT "postedAt"::date FROM "comment" ON CONFLICT DO NOTHING;
