-- CreateTable
CREATE TABLE "queue_tab_delta" (
    "id" BIGSERIAL NOT NULL,
    "flagged" BIGINT NOT NULL DEFAULT 0,
    "pending" BIGINT NOT NULL DEFAULT 0,
    "approved" BIGINT NOT NULL DEFAULT 0,
    "hidden" BIGINT NOT NULL DEFAULT 0,
    "all" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "queue_tab_delta_pkey" PRIMARY KEY ("id")
);

-- The queue's tab counts (Flagged, Pending, Approved, Hidden, All) without scanning comment: every
-- statement that inserts, updates or deletes comments appends its net change here, whichever path
-- made it (decisions, bulk, undo, the import's COPY, rule re-runs, the ingest API), and a read
-- sums the rows (lib/moderation/count-queue-tabs.ts folds them into one now and then).
-- Statement-level with transition tables: a million-row COPY pays one aggregate, a decision one
-- tiny INSERT. Appended rows, not one counter row updated in place: twenty moderators deciding at
-- once would otherwise queue on that row's lock until each transaction commits.
-- Transition tables cannot be combined with a column list (UPDATE OF status, priority), so a
-- statement that changes neither computes a zero delta and writes nothing.
CREATE FUNCTION "queue_tab_delta_append"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT count(*) FILTER (WHERE status = 'PENDING' AND priority > 0) AS flagged, count(*) FILTER (WHERE status = 'PENDING') AS pending,
           count(*) FILTER (WHERE status = 'APPROVED') AS approved, count(*) FILTER (WHERE status = 'HIDDEN') AS hidden, count(*) AS "all"
      INTO d FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT -count(*) FILTER (WHERE status = 'PENDING' AND priority > 0) AS flagged, -count(*) FILTER (WHERE status = 'PENDING') AS pending,
           -count(*) FILTER (WHERE status = 'APPROVED') AS approved, -count(*) FILTER (WHERE status = 'HIDDEN') AS hidden, -count(*) AS "all"
      INTO d FROM old_rows;
  ELSE
    SELECT coalesce(sum(sign) FILTER (WHERE status = 'PENDING' AND priority > 0), 0) AS flagged,
           coalesce(sum(sign) FILTER (WHERE status = 'PENDING'), 0) AS pending,
           coalesce(sum(sign) FILTER (WHERE status = 'APPROVED'), 0) AS approved,
           coalesce(sum(sign) FILTER (WHERE status = 'HIDDEN'), 0) AS hidden,
           coalesce(sum(sign), 0) AS "all"
      INTO d FROM (SELECT status, priority, 1 AS sign FROM new_rows UNION ALL SELECT status, priority, -1 FROM old_rows) both_sides;
  END IF;
  IF d.flagged <> 0 OR d.pending <> 0 OR d.approved <> 0 OR d.hidden <> 0 OR d."all" <> 0 THEN
    INSERT INTO "queue_tab_delta" ("flagged", "pending", "approved", "hidden", "all") VALUES (d.flagged, d.pending, d.approved, d.hidden, d."all");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "queue_tab_delta_insert" AFTER INSERT ON "comment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_tab_delta_append"();
CREATE TRIGGER "queue_tab_delta_update" AFTER UPDATE ON "comment"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_tab_delta_append"();
CREATE TRIGGER "queue_tab_delta_delete" AFTER DELETE ON "comment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_tab_delta_append"();

-- TRUNCATE (tests, a reset) empties comment without row changes: the counts start again from zero.
CREATE FUNCTION "queue_tab_delta_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "queue_tab_delta";
  RETURN NULL;
END
$$;

CREATE TRIGGER "queue_tab_delta_truncate" AFTER TRUNCATE ON "comment"
  FOR EACH STATEMENT EXECUTE FUNCTION "queue_tab_delta_reset"();

-- The comments already there, counted once.
INSERT INTO "queue_tab_delta" ("flagged", "pending", "approved", "hidden", "all")
SELECT count(*) FILTER (WHERE status = 'PENDING' AND priority > 0), count(*) FILTER (WHERE status = 'PENDING'),
       count(*) FILTER (WHERE status = 'APPROVED'), count(*) FILTER (WHERE status = 'HIDDEN'), count(*)
  FROM "comment";
