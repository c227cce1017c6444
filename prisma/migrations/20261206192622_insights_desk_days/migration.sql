-- CreateTable
CREATE TABLE "insights_zone" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "timeZone" TEXT NOT NULL,
    "recountSince" TIMESTAMP(3),

    CONSTRAINT "insights_zone_pkey" PRIMARY KEY ("id")
);

-- Insights counted UTC days; they now count the days of the desk's time zone, held here (one row)
-- so that the statement triggers and the rollup read the same zone. Installations start on UTC, the
-- zone their stored days were counted in; the insights-rollup job (or the admin's change of the
-- desk's zone) then switches it, which re-counts every stored day (lib/insights/insights-zone.ts).
--
-- Every function below reads the zone from insights_zone, which holds an ACCESS SHARE lock on it to
-- the end of the transaction; the switch takes ACCESS EXCLUSIVE first, so it waits for every
-- transaction that counted a day in the former zone, and every later one reads the new zone: no
-- row is ever counted in the zone it is not stored under. A lock-table read, not a row lock: no
-- point where concurrent decisions meet.
INSERT INTO "insights_zone" ("id", "timeZone") VALUES (1, 'UTC');

-- The calendar day of a UTC timestamp in the zone (summer time followed: a day is 23 or 25 hours).
-- Inlined by the planner; UTC keeps the plain cast, so a UTC desk pays nothing per row.
CREATE FUNCTION "insights_local_day"("at" timestamp, "zone" text) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN "zone" = 'UTC' THEN "at"::date ELSE (("at" AT TIME ZONE 'UTC') AT TIME ZONE "zone")::date END
$$;

-- The first instant of the day in the zone, as a UTC timestamp (the columns' form).
CREATE FUNCTION "insights_day_start"("day" date, "zone" text) RETURNS timestamp LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN "zone" = 'UTC' THEN "day"::timestamp ELSE ("day"::timestamp AT TIME ZONE "zone") AT TIME ZONE 'UTC' END
$$;

CREATE FUNCTION "insights_zone_now"() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT z."timeZone" FROM "insights_zone" z WHERE z.id = 1
$$;

-- Today, yesterday and the day before are never refreshed; "settled" days are older, by the zone's clock.
CREATE OR REPLACE FUNCTION "insights_mark_days_dirty"("days" date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  "settled" date[];
  locked int;
BEGIN
  IF "days" IS NULL OR cardinality("days") = 0 THEN RETURN; END IF;
  "settled" := ARRAY(SELECT d FROM unnest("days") d WHERE d < (now() AT TIME ZONE "insights_zone_now"())::date - 1);
  LOOP
    INSERT INTO "insights_dirty_day" ("day") SELECT unnest("days") ON CONFLICT DO NOTHING;
    IF cardinality("settled") = 0 THEN RETURN; END IF;
    SELECT count(*) INTO locked FROM (SELECT 1 FROM "insights_dirty_day" WHERE "day" = ANY ("settled") FOR KEY SHARE) held;
    EXIT WHEN locked = cardinality("settled");
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION "insights_mark_decision_days_dirty"("days" date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  "settled" date[];
  locked int;
BEGIN
  IF "days" IS NULL OR cardinality("days") = 0 THEN RETURN; END IF;
  "settled" := ARRAY(SELECT d FROM unnest("days") d WHERE d < (now() AT TIME ZONE "insights_zone_now"())::date - 1);
  LOOP
    INSERT INTO "insights_dirty_decision_day" ("day") SELECT unnest("days") ON CONFLICT DO NOTHING;
    IF cardinality("settled") = 0 THEN RETURN; END IF;
    SELECT count(*) INTO locked FROM (SELECT 1 FROM "insights_dirty_decision_day" WHERE "day" = ANY ("settled") FOR KEY SHARE) held;
    EXIT WHEN locked = cardinality("settled");
  END LOOP;
END
$$;

-- As in migration insights_live_decisions, with days in the zone: "since" is a day in the zone, and
-- "sinceAt" its first instant, which the timestamps are compared with.
CREATE OR REPLACE FUNCTION "insights_mark_dirty_comments"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "zone" text := "insights_zone_now"();
  "days" date[];
  "decisionDays" date[];
  "since" date := (SELECT s."day" FROM "insights_decided_since" s WHERE s.id = 1);
  "sinceAt" timestamp := "insights_day_start"("since", "zone");
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT "insights_local_day"(n."postedAt", "zone")), array_agg(DISTINCT "insights_local_day"(n."decidedAt", "zone")) FILTER (WHERE n."decidedAt" IS NOT NULL)
      INTO "days", "decisionDays" FROM new_rows n;
    IF EXISTS (SELECT 1 FROM unnest("decisionDays") d WHERE d >= "since") THEN
      INSERT INTO "insights_decided_comment" ("commentId", "day", "status", "decidedById", "seconds")
      SELECT n.id, "insights_local_day"(n."decidedAt", "zone"), n.status, n."decidedById", extract(epoch FROM n."decidedAt" - n."createdAt")::float8
      FROM new_rows n
      WHERE n.status IN ('APPROVED', 'HIDDEN') AND n."decidedAt" >= "sinceAt"
      ON CONFLICT ("commentId") DO UPDATE SET "day" = EXCLUDED."day", "status" = EXCLUDED."status",
        "decidedById" = EXCLUDED."decidedById", "seconds" = EXCLUDED."seconds";
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT d) INTO "days" FROM (
      SELECT "insights_local_day"(n."postedAt", "zone") AS d FROM new_rows n UNION ALL SELECT "insights_local_day"(o."postedAt", "zone") FROM old_rows o
    ) both_sides;
    WITH changed AS MATERIALIZED (
      SELECT n.id, n.status, n."decidedAt", n."decidedById", n."createdAt", o."decidedAt" AS "oldDecidedAt",
             (n.status IN ('APPROVED', 'HIDDEN') AND n."decidedAt" >= "sinceAt") AS "isRecent"
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.status, n."decidedAt", n."decidedById", n."createdAt") IS DISTINCT FROM (o.status, o."decidedAt", o."decidedById", o."createdAt")
    ), kept AS (
      INSERT INTO "insights_decided_comment" ("commentId", "day", "status", "decidedById", "seconds", "hideAt", "hideId", "hideReason")
      SELECT c.id, "insights_local_day"(c."decidedAt", "zone"), c.status, c."decidedById", extract(epoch FROM c."decidedAt" - c."createdAt")::float8, h."createdAt", h.id, h.reason
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
    FROM changed c CROSS JOIN LATERAL unnest(ARRAY["insights_local_day"(c."decidedAt", "zone"), "insights_local_day"(c."oldDecidedAt", "zone")]) e;
  ELSE
    SELECT array_agg(DISTINCT "insights_local_day"(o."postedAt", "zone")), array_agg(DISTINCT "insights_local_day"(o."decidedAt", "zone")) FILTER (WHERE o."decidedAt" IS NOT NULL)
      INTO "days", "decisionDays" FROM old_rows o;
    IF EXISTS (SELECT 1 FROM unnest("decisionDays") d WHERE d >= "since") THEN
      DELETE FROM "insights_decided_comment" x WHERE x."commentId" IN (SELECT o.id FROM old_rows o WHERE o."decidedAt" >= "sinceAt");
    END IF;
  END IF;
  PERFORM "insights_mark_days_dirty"("days");
  PERFORM "insights_mark_decision_days_dirty"("decisionDays");
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "insights_mark_dirty_children"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "zone" text := "insights_zone_now"();
  "days" date[];
  "decisionDays" date[];
  "since" date := (SELECT s."day" FROM "insights_decided_since" s WHERE s.id = 1);
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT "insights_local_day"(c."postedAt", "zone")) INTO "days" FROM "comment" c WHERE c.id IN (SELECT "commentId" FROM old_rows);
  ELSIF TG_TABLE_NAME = 'decision' THEN
    SELECT array_agg(DISTINCT "insights_local_day"(c."postedAt", "zone")), array_agg(DISTINCT "insights_local_day"(c."decidedAt", "zone")) FILTER (WHERE c."decidedAt" IS NOT NULL)
      INTO "days", "decisionDays" FROM "comment" c WHERE c.id IN (SELECT "commentId" FROM new_rows);
    IF EXISTS (SELECT 1 FROM unnest("decisionDays") d WHERE d >= "since")
       AND EXISTS (SELECT 1 FROM new_rows n WHERE n."toStatus" = 'HIDDEN') THEN
      INSERT INTO "insights_decided_comment" ("commentId", "day", "status", "decidedById", "seconds", "hideAt", "hideId", "hideReason")
      SELECT c.id, "insights_local_day"(c."decidedAt", "zone"), c.status, c."decidedById", extract(epoch FROM c."decidedAt" - c."createdAt")::float8, h."createdAt", h.id, h.reason
      FROM (
        SELECT DISTINCT ON (n."commentId") n."commentId", n."createdAt", n.id, n.reason
        FROM new_rows n WHERE n."toStatus" = 'HIDDEN'
        ORDER BY n."commentId", n."createdAt" DESC, n.id DESC
      ) h
      JOIN "comment" c ON c.id = h."commentId"
      WHERE c.status IN ('APPROVED', 'HIDDEN') AND c."decidedAt" >= "insights_day_start"("since", "zone")
      ON CONFLICT ("commentId") DO UPDATE SET "hideAt" = EXCLUDED."hideAt", "hideId" = EXCLUDED."hideId", "hideReason" = EXCLUDED."hideReason"
        WHERE "insights_decided_comment"."hideAt" IS NULL
           OR (EXCLUDED."hideAt", EXCLUDED."hideId") > ("insights_decided_comment"."hideAt", "insights_decided_comment"."hideId");
    END IF;
  ELSE
    SELECT array_agg(DISTINCT "insights_local_day"(c."postedAt", "zone")) INTO "days" FROM "comment" c WHERE c.id IN (SELECT "commentId" FROM new_rows);
  END IF;
  PERFORM "insights_mark_days_dirty"("days");
  PERFORM "insights_mark_decision_days_dirty"("decisionDays");
  RETURN NULL;
END
$$;

-- As in migration insights_live_flags, with posted days in the zone.
CREATE OR REPLACE FUNCTION "insights_live_flag_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "zone" text := "insights_zone_now"();
BEGIN
  INSERT INTO "insights_live_flag" ("flagId", "commentId", "day", "ruleId", "category", "status", "byPerson", "counted")
  SELECT n.id, c.id, "insights_local_day"(c."postedAt", "zone"), n."ruleId", n.category, c.status, c."decidedById" IS NOT NULL, c.priority > 0
  FROM new_rows n
  JOIN (
    SELECT x.id, x."postedAt", x.status, x."decidedById", x.priority FROM "comment" x
    WHERE x.id IN (SELECT "commentId" FROM new_rows)
      AND x."postedAt" >= "insights_day_start"((SELECT s."day" FROM "insights_decided_since" s WHERE s.id = 1), "zone")
    ORDER BY x.id
    FOR SHARE
  ) c ON c.id = n."commentId";
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "insights_live_flag_comments"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "zone" text := "insights_zone_now"();
  "sinceAt" timestamp := "insights_day_start"((SELECT s."day" FROM "insights_decided_since" s WHERE s.id = 1), "zone");
BEGIN
  UPDATE "insights_live_flag" l
  SET "day" = "insights_local_day"(n."postedAt", "zone"), "status" = n.status, "byPerson" = n."decidedById" IS NOT NULL, "counted" = n.priority > 0
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE l."commentId" = n.id AND n."postedAt" >= "sinceAt" AND o."postedAt" >= "sinceAt"
    AND (n.status, n."decidedById" IS NOT NULL, n.priority > 0, n."postedAt")
        IS DISTINCT FROM (o.status, o."decidedById" IS NOT NULL, o.priority > 0, o."postedAt");
  IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n."postedAt" >= "sinceAt") <> (o."postedAt" >= "sinceAt")) THEN
    DELETE FROM "insights_live_flag" l USING new_rows n WHERE l."commentId" = n.id AND n."postedAt" < "sinceAt";
    INSERT INTO "insights_live_flag" ("flagId", "commentId", "day", "ruleId", "category", "status", "byPerson", "counted")
    SELECT f.id, n.id, "insights_local_day"(n."postedAt", "zone"), f."ruleId", f.category, n.status, n."decidedById" IS NOT NULL, n.priority > 0
    FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "flag" f ON f."commentId" = n.id
    WHERE n."postedAt" >= "sinceAt" AND o."postedAt" < "sinceAt"
    ON CONFLICT ("flagId") DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
