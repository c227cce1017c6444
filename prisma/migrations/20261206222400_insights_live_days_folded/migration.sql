-- CreateTable
CREATE TABLE "insights_live_day" (
    "day" DATE NOT NULL,
    "queue" INTEGER[],
    "articles" BYTEA NOT NULL,
    "foldedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "insights_live_day_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "insights_live_article_delta" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "articleId" INTEGER NOT NULL,
    "posted" INTEGER NOT NULL,
    "pending" INTEGER NOT NULL,
    "flagged" INTEGER NOT NULL,
    "approved" INTEGER NOT NULL,
    "hidden" INTEGER NOT NULL,

    CONSTRAINT "insights_live_article_delta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "insights_live_decision_day" (
    "day" DATE NOT NULL,
    "summary" JSONB NOT NULL,
    "latency" BYTEA NOT NULL,
    "foldedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "insights_live_decision_day_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "insights_live_decision_delta" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "status" "CommentStatus" NOT NULL,
    "decidedById" TEXT,
    "seconds" DOUBLE PRECISION NOT NULL,
    "reason" "ReasonCategory",
    "sign" SMALLINT NOT NULL,

    CONSTRAINT "insights_live_decision_delta_pkey" PRIMARY KEY ("id")
);

-- The live posted days' queue counts and per-article counts were computed from the comments on
-- every load of Insights: an index-only scan of the days' comments grouped by (day, article), a
-- cost that follows comments per day (at 10M comments 73,000 comments, 67-145 ms a load). Now
-- every statement that inserts, updates or deletes comments posted on or after
-- insights_decided_since.day appends its net change per (day, article) here, and the
-- insights-rollup job folds them into insights_live_day (lib/insights/live-posted-days.ts): a live
-- day is its folded row plus the deltas appended since, so a load costs the changes since the last
-- fold, not the day's comments.
--
-- Append-only rows, as queue_tab_delta: twenty moderators deciding comments of one article never
-- wait on a shared counter row. Statement-level with transition tables: an import's chunk pays one
-- grouped INSERT for its fresh comments, and nothing per comment posted before the held days (the
-- timestamp comparison filters them first). A statement that changes no counted column (status,
-- priority, reportPriority, isHeld, postedAt, articleId) writes nothing.
-- A day has a folded row only once the fold has built it from the comments, in one snapshot with
-- the deltas it deleted (REPEATABLE READ); until then readers compute it from the comments.
CREATE FUNCTION "insights_live_article_append"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "zone" text := "insights_zone_now"();
  "sinceAt" timestamp := "insights_day_start"((SELECT s."day" FROM "insights_decided_since" s WHERE s.id = 1), "zone");
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "insights_live_article_delta" ("day", "articleId", "posted", "pending", "flagged", "approved", "hidden")
    SELECT "insights_local_day"(n."postedAt", "zone"), n."articleId", count(*),
           count(*) FILTER (WHERE n.status = 'PENDING'), count(*) FILTER (WHERE n.priority > n."reportPriority" OR n."isHeld"),
           count(*) FILTER (WHERE n.status = 'APPROVED'), count(*) FILTER (WHERE n.status = 'HIDDEN')
    FROM new_rows n WHERE n."postedAt" >= "sinceAt"
    GROUP BY 1, 2;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "insights_live_article_delta" ("day", "articleId", "posted", "pending", "flagged", "approved", "hidden")
    SELECT "insights_local_day"(o."postedAt", "zone"), o."articleId", -count(*),
           -count(*) FILTER (WHERE o.status = 'PENDING'), -count(*) FILTER (WHERE o.priority > o."reportPriority" OR o."isHeld"),
           -count(*) FILTER (WHERE o.status = 'APPROVED'), -count(*) FILTER (WHERE o.status = 'HIDDEN')
    FROM old_rows o WHERE o."postedAt" >= "sinceAt"
    GROUP BY 1, 2;
  ELSE
    -- Each changed comment as -1 of its former state and +1 of its new one; a comment whose counted
    -- state did not change (most of a rule run's, all of a search-vector repair's) adds nothing.
    INSERT INTO "insights_live_article_delta" ("day", "articleId", "posted", "pending", "flagged", "approved", "hidden")
    SELECT "insights_local_day"(v."postedAt", "zone"), v."articleId", sum(v.sign),
           coalesce(sum(v.sign) FILTER (WHERE v.status = 'PENDING'), 0), coalesce(sum(v.sign) FILTER (WHERE v."isFlagged"), 0),
           coalesce(sum(v.sign) FILTER (WHERE v.status = 'APPROVED'), 0), coalesce(sum(v.sign) FILTER (WHERE v.status = 'HIDDEN'), 0)
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL (VALUES
      (n."postedAt", n."articleId", n.status, n.priority > n."reportPriority" OR n."isHeld", 1),
      (o."postedAt", o."articleId", o.status, o.priority > o."reportPriority" OR o."isHeld", -1)
    ) v("postedAt", "articleId", status, "isFlagged", sign)
    WHERE v."postedAt" >= "sinceAt"
      AND (n."postedAt", n."articleId", n.status, n.priority > n."reportPriority" OR n."isHeld")
          IS DISTINCT FROM (o."postedAt", o."articleId", o.status, o.priority > o."reportPriority" OR o."isHeld")
    GROUP BY 1, 2
    HAVING (sum(v.sign), coalesce(sum(v.sign) FILTER (WHERE v.status = 'PENDING'), 0), coalesce(sum(v.sign) FILTER (WHERE v."isFlagged"), 0),
            coalesce(sum(v.sign) FILTER (WHERE v.status = 'APPROVED'), 0), coalesce(sum(v.sign) FILTER (WHERE v.status = 'HIDDEN'), 0)) <> (0, 0, 0, 0, 0);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "insights_live_article_insert" AFTER INSERT ON "comment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_article_append"();
CREATE TRIGGER "insights_live_article_update" AFTER UPDATE ON "comment"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_article_append"();
CREATE TRIGGER "insights_live_article_delete" AFTER DELETE ON "comment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_article_append"();

-- TRUNCATE empties comment without row changes: the folded days and their deltas go with it.
CREATE FUNCTION "insights_live_article_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "insights_live_article_delta";
  DELETE FROM "insights_live_day";
  RETURN NULL;
END
$$;

CREATE TRIGGER "insights_live_article_truncate" AFTER TRUNCATE ON "comment"
  FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_article_reset"();

-- The live decision days were computed from insights_decided_comment on every load: a day's
-- decisions (at 10M comments 65,000 rows for the three days, 60-110 ms a load). Now its statement
-- triggers append each change of a held row here (+1 for the row as it now is, -1 for the row as it
-- was, with the figures' reason: the latest hide's, OTHER when none is known, for a hidden comment),
-- and the insights-rollup job folds them into insights_live_decision_day (the day's figures, as
-- insights_decision_day holds them): a load costs the decisions since the last fold. These
-- triggers run only where insights_decided_comment is written (decisions, undo, the rollup's
-- prune, a zone's re-count), never for an imported comment, which arrives undecided.
CREATE FUNCTION "insights_live_decision_append"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "insights_live_decision_delta" ("day", "status", "decidedById", "seconds", "reason", "sign")
    SELECT n."day", n.status, n."decidedById", n.seconds, CASE WHEN n.status = 'HIDDEN' THEN coalesce(n."hideReason", 'OTHER') END, 1 FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "insights_live_decision_delta" ("day", "status", "decidedById", "seconds", "reason", "sign")
    SELECT o."day", o.status, o."decidedById", o.seconds, CASE WHEN o.status = 'HIDDEN' THEN coalesce(o."hideReason", 'OTHER') END, -1 FROM old_rows o;
  ELSE
    INSERT INTO "insights_live_decision_delta" ("day", "status", "decidedById", "seconds", "reason", "sign")
    SELECT v."day", v.status, v."decidedById", v.seconds, v.reason, v.sign
    FROM new_rows n JOIN old_rows o ON o."commentId" = n."commentId"
    CROSS JOIN LATERAL (VALUES
      (n."day", n.status, n."decidedById", n.seconds, CASE WHEN n.status = 'HIDDEN' THEN coalesce(n."hideReason", 'OTHER') END, 1),
      (o."day", o.status, o."decidedById", o.seconds, CASE WHEN o.status = 'HIDDEN' THEN coalesce(o."hideReason", 'OTHER') END, -1)
    ) v("day", status, "decidedById", seconds, reason, sign)
    WHERE (n."day", n.status, n."decidedById", n.seconds, CASE WHEN n.status = 'HIDDEN' THEN coalesce(n."hideReason", 'OTHER') END)
          IS DISTINCT FROM (o."day", o.status, o."decidedById", o.seconds, CASE WHEN o.status = 'HIDDEN' THEN coalesce(o."hideReason", 'OTHER') END);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "insights_live_decision_insert" AFTER INSERT ON "insights_decided_comment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_decision_append"();
CREATE TRIGGER "insights_live_decision_update" AFTER UPDATE ON "insights_decided_comment"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_decision_append"();
CREATE TRIGGER "insights_live_decision_delete" AFTER DELETE ON "insights_decided_comment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_decision_append"();

-- TRUNCATE of comment empties insights_decided_comment through its own trigger (a DELETE, which
-- appends -1s); the folded days go with it here.
CREATE FUNCTION "insights_live_decision_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "insights_live_decision_delta";
  DELETE FROM "insights_live_decision_day";
  RETURN NULL;
END
$$;

CREATE TRIGGER "insights_live_decision_truncate" AFTER TRUNCATE ON "comment"
  FOR EACH STATEMENT EXECUTE FUNCTION "insights_live_decision_reset"();
