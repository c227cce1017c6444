-- CreateTable
CREATE TABLE "insights_decided_comment" (
    "commentId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "status" "CommentStatus" NOT NULL,
    "decidedById" TEXT,
    "seconds" DOUBLE PRECISION NOT NULL,
    "hideAt" TIMESTAMP(3),
    "hideId" INTEGER,
    "hideReason" "ReasonCategory",

    CONSTRAINT "insights_decided_comment_pkey" PRIMARY KEY ("commentId")
);

-- CreateTable
CREATE TABLE "insights_decided_since" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "day" DATE NOT NULL,

    CONSTRAINT "insights_decided_since_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "insights_decided_comment_day_idx" ON "insights_decided_comment"("day");

-- The live decision days (today, yesterday, the day before, and days changed since their summary)
-- were computed from comment: a heap visit per decided comment of those days ("createdAt" and
-- "decidedById" are not in comment(status, "decidedAt", id)) and a probe of decision per hidden one
-- for its latest hide's reason; at 10M comments 62,000 visits spread over the table. Now the
-- existing statement triggers keep, for each comment decided on a recent day, its decision in
-- force: the live days read a day's decisions from this small table.
--
-- A row per comment, not counters per (day, reason, moderator) nor +1/-1 deltas: a counter row
-- would be a lock every moderator's decision meets until commit, and a delta must know what the
-- old state counted (its hide reason) at every change. A keyed row is recomputed from the comment
-- as it is now, whichever statement comes first: the moderators' path updates the comment and then
-- writes its decision; the auto-hide writes its decision and then updates the comment; both end in
-- the same row. Concurrent decisions on one comment are ordered by the comment's row lock (the
-- guarded UPDATE), and the trigger of the last update recomputes the row.
--
-- Rows are kept from insights_decided_since.day on (the rollup job moves it to three days ago and
-- deletes older rows): readers use this table for days on or after it, comment for older ones.

-- The comments' own statement: the changed decisions' rows recomputed from new_rows, the latest
-- hide found by a probe of decision(commentId, createdAt) for hidden ones only (an import's rows
-- arrive undecided: nothing to do, and the day array already computed says so without a rescan).
CREATE OR REPLACE FUNCTION "insights_mark_dirty_comments"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "days" date[];
  "decisionDays" date[];
  "since" date := (SELECT s."day" FROM "insights_decided_since" s WHERE s.id = 1);
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."postedAt"::date), array_agg(DISTINCT n."decidedAt"::date) FILTER (WHERE n."decidedAt" IS NOT NULL)
      INTO "days", "decisionDays" FROM new_rows n;
    IF EXISTS (SELECT 1 FROM unnest("decisionDays") d WHERE d >= "since") THEN
      -- A new comment's decisions can only come from the same statement (a seed's CTE): the
      -- decision trigger fills their hide; whichever of the two runs first, the other keeps its part.
      INSERT INTO "insights_decided_comment" ("commentId", "day", "status", "decidedById", "seconds")
      SELECT n.id, n."decidedAt"::date, n.status, n."decidedById", extract(epoch FROM n."decidedAt" - n."createdAt")::float8
      FROM new_rows n
      WHERE n.status IN ('APPROVED', 'HIDDEN') AND n."decidedAt" >= "since"
      ON CONFLICT ("commentId") DO UPDATE SET "day" = EXCLUDED."day", "status" = EXCLUDED."status",
        "decidedById" = EXCLUDED."decidedById", "seconds" = EXCLUDED."seconds";
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT d) INTO "days" FROM (SELECT n."postedAt"::date AS d FROM new_rows n UNION ALL SELECT o."postedAt"::date FROM old_rows o) both_sides;
    -- Only rows whose decision changed touch a decision day: a rule re-run's new priorities on a
    -- year of decided comments must not make the refresh recompute a year of decision days.
    WITH changed AS MATERIALIZED (
      SELECT n.id, n.status, n."decidedAt", n."decidedById", n."createdAt", o."decidedAt" AS "oldDecidedAt",
             (n.status IN ('APPROVED', 'HIDDEN') AND n."decidedAt" >= "since") AS "isRecent"
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.status, n."decidedAt", n."decidedById", n."createdAt") IS DISTINCT FROM (o.status, o."decidedAt", o."decidedById", o."createdAt")
    ), kept AS (
      INSERT INTO "insights_decided_comment" ("commentId", "day", "status", "decidedById", "seconds", "hideAt", "hideId", "hideReason")
      SELECT c.id, c."decidedAt"::date, c.status, c."decidedById", extract(epoch FROM c."decidedAt" - c."createdAt")::float8, h."createdAt", h.id, h.reason
      FROM changed c
      LEFT JOIN LATERAL (
        SELECT hd."createdAt", hd.id, hd.reason FROM "decision" hd
        WHERE c.status = 'HIDDEN' AND hd."commentId" = c.id AND hd."toStatus" = 'HIDDEN'
        ORDER BY hd."createdAt" DESC, hd.id DESC LIMIT 1
      ) h ON TRUE
      WHERE c."isRecent"
      ON CONFLICT ("commentId") DO UPDATE SET "day" = EXCLUDED."day", "status" = EXCLUDED."status", "decidedById" = EXCLUDED."decidedById",
        "seconds" = EXCLUDED."seconds", "hideAt" = EXCLUDED."hideAt", "hideId" = EXCLUDED."hideId", "hideReason" = EXCLUDED."hideReason"
    ), dropped AS (
      DELETE FROM "insights_decided_comment" x USING changed c WHERE x."commentId" = c.id AND c."isRecent" IS NOT TRUE
    )
    SELECT array_agg(DISTINCT e) FILTER (WHERE e IS NOT NULL) INTO "decisionDays"
    FROM changed c CROSS JOIN LATERAL unnest(ARRAY[c."decidedAt"::date, c."oldDecidedAt"::date]) e;
  ELSE
    SELECT array_agg(DISTINCT o."postedAt"::date), array_agg(DISTINCT o."decidedAt"::date) FILTER (WHERE o."decidedAt" IS NOT NULL)
      INTO "days", "decisionDays" FROM old_rows o;
    IF EXISTS (SELECT 1 FROM unnest("decisionDays") d WHERE d >= "since") THEN
      DELETE FROM "insights_decided_comment" x WHERE x."commentId" IN (SELECT o.id FROM old_rows o WHERE o."decidedAt" >= "since");
    END IF;
  END IF;
  PERFORM "insights_mark_days_dirty"("days");
  PERFORM "insights_mark_decision_days_dirty"("decisionDays");
  RETURN NULL;
END
$$;

-- A decision to HIDDEN may be its comment's latest hide: the comment's row keeps the later of its
-- hide and the new rows' latest (createdAt, then id, as the direct query orders), with no probe of
-- decision (a seed writes decisions with that table's indexes dropped). Exact because a hidden
-- comment's row got its hide from a probe when the comment became hidden (the trigger above) and
-- every later hide passes here; a new comment's decisions all arrive in new_rows (its row may be
-- created here first, when this trigger runs before the comment's; that one then keeps the hide).
-- An approved comment's hide is not looked up (it is re-probed if the comment is hidden again).
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
    IF EXISTS (SELECT 1 FROM unnest("decisionDays") d WHERE d >= (SELECT s."day" FROM "insights_decided_since" s WHERE s.id = 1))
       AND EXISTS (SELECT 1 FROM new_rows n WHERE n."toStatus" = 'HIDDEN') THEN
      INSERT INTO "insights_decided_comment" ("commentId", "day", "status", "decidedById", "seconds", "hideAt", "hideId", "hideReason")
      SELECT c.id, c."decidedAt"::date, c.status, c."decidedById", extract(epoch FROM c."decidedAt" - c."createdAt")::float8, h."createdAt", h.id, h.reason
      FROM (
        SELECT DISTINCT ON (n."commentId") n."commentId", n."createdAt", n.id, n.reason
        FROM new_rows n WHERE n."toStatus" = 'HIDDEN'
        ORDER BY n."commentId", n."createdAt" DESC, n.id DESC
      ) h
      JOIN "comment" c ON c.id = h."commentId"
      WHERE c.status IN ('APPROVED', 'HIDDEN') AND c."decidedAt" >= (SELECT s."day" FROM "insights_decided_since" s WHERE s.id = 1)
      ON CONFLICT ("commentId") DO UPDATE SET "hideAt" = EXCLUDED."hideAt", "hideId" = EXCLUDED."hideId", "hideReason" = EXCLUDED."hideReason"
        WHERE "insights_decided_comment"."hideAt" IS NULL
           OR (EXCLUDED."hideAt", EXCLUDED."hideId") > ("insights_decided_comment"."hideAt", "insights_decided_comment"."hideId");
    END IF;
  ELSE
    SELECT array_agg(DISTINCT c."postedAt"::date) INTO "days" FROM "comment" c WHERE c.id IN (SELECT "commentId" FROM new_rows);
  END IF;
  PERFORM "insights_mark_days_dirty"("days");
  PERFORM "insights_mark_decision_days_dirty"("decisionDays");
  RETURN NULL;
END
$$;

-- TRUNCATE (tests, a reset) empties comment without row changes.
CREATE FUNCTION "insights_decided_comment_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "insights_decided_comment";
  RETURN NULL;
END
$$;

CREATE TRIGGER "insights_decided_comment_truncate" AFTER TRUNCATE ON "comment"
  FOR EACH STATEMENT EXECUTE FUNCTION "insights_decided_comment_reset"();

-- Held from three days ago (UTC) on: the page's live days are today, yesterday and the day before.
INSERT INTO "insights_decided_since" ("id", "day") VALUES (1, (now() AT TIME ZONE 'UTC')::date - 3);

INSERT INTO "insights_decided_comment" ("commentId", "day", "status", "decidedById", "seconds", "hideAt", "hideId", "hideReason")
SELECT c.id, c."decidedAt"::date, c.status, c."decidedById", extract(epoch FROM c."decidedAt" - c."createdAt")::float8, h."createdAt", h.id, h.reason
FROM "comment" c
LEFT JOIN LATERAL (
  SELECT hd."createdAt", hd.id, hd.reason FROM "decision" hd
  WHERE c.status = 'HIDDEN' AND hd."commentId" = c.id AND hd."toStatus" = 'HIDDEN'
  ORDER BY hd."createdAt" DESC, hd.id DESC LIMIT 1
) h ON TRUE
WHERE c.status IN ('APPROVED', 'HIDDEN') AND c."decidedAt" >= (now() AT TIME ZONE 'UTC')::date - 3;
