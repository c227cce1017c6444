-- AlterTable
ALTER TABLE "insights_day" ADD COLUMN     "articles" BYTEA;

-- CreateTable
CREATE TABLE "insights_decision_day" (
    "day" DATE NOT NULL,
    "summary" JSONB NOT NULL,
    "latency" BYTEA NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "insights_decision_day_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "insights_dirty_decision_day" (
    "day" DATE NOT NULL,

    CONSTRAINT "insights_dirty_decision_day_pkey" PRIMARY KEY ("day")
);

-- The insights page's decision figures go by the day a decision in force was made (comment
-- "decidedAt" while status is APPROVED or HIDDEN). They were a range scan of every decision in the
-- range on each load; now each decision day has a summary (insights_decision_day), recomputed by the
-- insights-rollup job when the day is marked dirty here, as posted days are (migration insights_rollup).
-- A comment's decision leaves its old decision day and joins its new one: both days are marked,
-- from the same statement triggers and the same scan of their transition tables (no new trigger).
CREATE FUNCTION "insights_mark_decision_days_dirty"("days" date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  "settled" date[];
  locked int;
BEGIN
  IF "days" IS NULL OR cardinality("days") = 0 THEN RETURN; END IF;
  "settled" := ARRAY(SELECT d FROM unnest("days") d WHERE d < (now() AT TIME ZONE 'UTC')::date - 1);
  LOOP
    INSERT INTO "insights_dirty_decision_day" ("day") SELECT unnest("days") ON CONFLICT DO NOTHING;
    IF cardinality("settled") = 0 THEN RETURN; END IF;
    SELECT count(*) INTO locked FROM (SELECT 1 FROM "insights_dirty_decision_day" WHERE "day" = ANY ("settled") FOR KEY SHARE) held;
    EXIT WHEN locked = cardinality("settled");
  END LOOP;
END
$$;

-- One scan of the transition tables, as before; the decision days come from the same rows (an
-- import's rows have none unless they arrive decided).
CREATE OR REPLACE FUNCTION "insights_mark_dirty_comments"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "days" date[];
  "decisionDays" date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."postedAt"::date), array_agg(DISTINCT n."decidedAt"::date) FILTER (WHERE n."decidedAt" IS NOT NULL)
      INTO "days", "decisionDays" FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT d) INTO "days" FROM (SELECT n."postedAt"::date AS d FROM new_rows n UNION ALL SELECT o."postedAt"::date FROM old_rows o) both_sides;
    -- Only rows whose decision changed touch a decision day: a rule re-run's new priorities on a
    -- year of decided comments must not make the refresh recompute a year of decision days.
    SELECT array_agg(DISTINCT e) FILTER (WHERE e IS NOT NULL) INTO "decisionDays" FROM (
      SELECT unnest(ARRAY[n."decidedAt"::date, o."decidedAt"::date]) AS e
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.status, n."decidedAt", n."decidedById", n."createdAt") IS DISTINCT FROM (o.status, o."decidedAt", o."decidedById", o."createdAt")
    ) changed;
  ELSE
    SELECT array_agg(DISTINCT o."postedAt"::date), array_agg(DISTINCT o."decidedAt"::date) FILTER (WHERE o."decidedAt" IS NOT NULL)
      INTO "days", "decisionDays" FROM old_rows o;
  END IF;
  PERFORM "insights_mark_days_dirty"("days");
  PERFORM "insights_mark_decision_days_dirty"("decisionDays");
  RETURN NULL;
END
$$;

-- A hide's reason is read from its decision row: a decision written after its comment's update
-- (or alone) marks the comment's decision day too.
CREATE OR REPLACE FUNCTION "insights_mark_dirty_children"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "days" date[];
  "decisionDays" date[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT c."postedAt"::date) INTO "days" FROM "comment" c WHERE c.id IN (SELECT "commentId" FROM old_rows);
  ELSIF TG_TABLE_NAME = 'decision' THEN
    SELECT array_agg(DISTINCT c."postedAt"::date), array_agg(DISTINCT c."decidedAt"::date) FILTER (WHERE c."decidedAt" IS NOT NULL)
      INTO "days", "decisionDays" FROM "comment" c WHERE c.id IN (SELECT "commentId" FROM new_rows);
  ELSE
    SELECT array_agg(DISTINCT c."postedAt"::date) INTO "days" FROM "comment" c WHERE c.id IN (SELECT "commentId" FROM new_rows);
  END IF;
  PERFORM "insights_mark_days_dirty"("days");
  PERFORM "insights_mark_decision_days_dirty"("decisionDays");
  RETURN NULL;
END
$$;

-- Stored posted days gain their per-article counts at their next refresh: until then they are
-- computed live (exact, slower). Every decision day is dirty until the first refresh computes it.
INSERT INTO "insights_dirty_day" ("day") SELECT "day" FROM "insights_day" ON CONFLICT DO NOTHING;
INSERT INTO "insights_dirty_decision_day" ("day")
  SELECT DISTINCT "decidedAt"::date FROM "comment" WHERE "decidedAt" IS NOT NULL ON CONFLICT DO NOTHING;
