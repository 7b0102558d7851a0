-- The dashboard's totals, kept as the desk works (lib/dashboard/totals.ts reads them).
--
-- Counting two years of a busy desk from its rows on every request reads tens of thousands of
-- index entries per figure. Instead, every change to a claim, a verdict, a check or a review
-- also writes what it adds to or takes from each figure, per day, for the desk and for each
-- person whose own figures it is in, in the transaction of the change. A dashboard sums those
-- rows: a few thousand per figure whatever the size of the desk.
--
-- The rows are deltas, only ever inserted by the triggers below, so that two people changing
-- claims at once never wait on (or deadlock over) one shared counter. The job
-- `compact-dashboard-totals` folds the deltas of each (person, figure, day, key) into one row;
-- a sum is the same before and after.

-- Whose own figures a claim is in: who marked it, who is assigned it and who wrote an annotation
-- on it (the definition of lib/dashboard). `refs` counts those reasons; the row goes with the last.
-- It also carries the claim's times to verified, so that a person's median reads their own claims
-- from an index alone.
CREATE TABLE "claim_members" (
    "claim_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "refs" INTEGER NOT NULL,
    "marked_at" TIMESTAMP(3) NOT NULL,
    "verified_at" TIMESTAMP(3),
    "verified_bucket" SMALLINT,

    CONSTRAINT "claim_members_pkey" PRIMARY KEY ("claim_id","user_id")
);

CREATE INDEX "claim_members_verified_bucket_idx" ON "claim_members"("user_id", "verified_bucket", "verified_at", "marked_at");
CREATE INDEX "claim_members_verified_at_idx" ON "claim_members"("user_id", "verified_at", "verified_bucket", "marked_at");
ALTER TABLE "claim_members" ADD CONSTRAINT "claim_members_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One delta of one figure. `user_id` is '' for the whole desk, else the person whose own figures
-- it counts in. Figures and keys:
--   claims    day marked               claim status
--   verified  Monday of the week       bucket of the time from marking (factdesk_verified_bucket)
--             first verified
--   checks    Monday of the week       '' (a claim settled in the week; twice in a week is once)
--   verdicts  day submitted            verdict ':approved' or ':in_review'
--   reviews   day given                decision
CREATE TABLE "dashboard_totals" (
    "id" BIGSERIAL NOT NULL,
    "user_id" TEXT NOT NULL DEFAULT '',
    "figure" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "dashboard_totals_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "dashboard_totals_user_id_figure_day_key_n_idx" ON "dashboard_totals"("user_id", "figure", "day", "key", "n");

-- The median time to verified is exact: the totals say in which bucket of times the middle claim
-- lies, and only the claims in that bucket are read, from the first index; the second reads the
-- days of a week the range cuts.
ALTER TABLE "claims" ADD COLUMN "verified_bucket" SMALLINT;
DROP INDEX "claims_first_verified_scope_idx";
CREATE INDEX "claims_verified_bucket_idx" ON "claims"("verified_bucket", "first_verified_at", "created_at");
CREATE INDEX "claims_first_verified_at_idx" ON "claims"("first_verified_at", "verified_bucket", "created_at");

-- Why each claim is in whose own figures: one row per reason.
CREATE FUNCTION factdesk_claim_member_reasons() RETURNS TABLE (claim_id text, user_id text, refs integer)
  LANGUAGE sql STABLE AS $$
  SELECT r.claim_id, r.user_id, count(*)::int
  FROM (
    SELECT c."id" AS claim_id, c."created_by_id" AS user_id FROM "claims" c
    UNION ALL SELECT c."id", c."assignee_id" FROM "claims" c WHERE c."assignee_id" IS NOT NULL
    UNION ALL SELECT a."claim_id", a."author_id" FROM "annotations" a
  ) r
  GROUP BY r.claim_id, r.user_id
$$;

-- Open and overdue work per assignee from the index alone (a claim's status says whether it is
-- still open).
DROP INDEX "claims_assignee_id_due_at_idx";
CREATE INDEX "claims_assignee_id_due_at_status_idx" ON "claims"("assignee_id", "due_at", "status");

-- Indexes the dashboard read its figures from while it counted rows; the totals replace them.
DROP INDEX "claims_created_at_scope_idx";
CREATE INDEX "claims_created_at_idx" ON "claims"("created_at");
DROP INDEX "annotations_kind_submitted_at_status_verdict_idx";
DROP INDEX "reviews_created_at_decision_idx";

-- Buckets of the time from marking to first verification: 0 under a minute, then each 1.05 times
-- as long as the one before (about 270 buckets up to a year; a week's claims spread over a few
-- dozen, so the claims of one bucket in one week are a handful).
CREATE FUNCTION factdesk_verified_bucket(verified timestamp(3), marked timestamp(3)) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN verified IS NULL THEN NULL
    WHEN extract(epoch FROM verified - marked) < 60 THEN 0
    ELSE least(1 + floor(ln(extract(epoch FROM verified - marked) / 60) / ln(1.05)), 32767)::smallint
  END
$$;

-- The existing desk's buckets and members, before the triggers that count them exist.
UPDATE "claims" SET "verified_bucket" = factdesk_verified_bucket("first_verified_at", "created_at") WHERE "first_verified_at" IS NOT NULL;
INSERT INTO "claim_members" ("claim_id", "user_id", "refs", "marked_at", "verified_at", "verified_bucket")
SELECT r.claim_id, r.user_id, r.refs, c."created_at", c."first_verified_at", c."verified_bucket"
FROM factdesk_claim_member_reasons() r JOIN "claims" c ON c."id" = r.claim_id;

-- A claim's status and first verification, counted for each of `scopes`.
CREATE FUNCTION factdesk_claim_totals(scopes text[], status "ClaimStatus", marked timestamp(3), verified timestamp(3), sign integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "dashboard_totals" ("user_id", "figure", "day", "key", "n")
  SELECT s, f.figure, f.day, f.key, sign
  FROM unnest(scopes) s
  CROSS JOIN (VALUES ('claims', marked::date, status::text),
                     ('verified', date_trunc('week', verified)::date, factdesk_verified_bucket(verified, marked)::text)) f(figure, day, key)
  WHERE f.day IS NOT NULL
$$;

-- The weeks in which a claim was settled, counted for each of `scopes`.
CREATE FUNCTION factdesk_claim_check_totals(scopes text[], claim text, sign integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "dashboard_totals" ("user_id", "figure", "day", "key", "n")
  SELECT s, 'checks', w.week, '', sign
  FROM unnest(scopes) s
  CROSS JOIN (SELECT DISTINCT date_trunc('week', k."completed_at")::date AS week FROM "claim_checks" k WHERE k."claim_id" = claim) w
$$;

-- The desk and every person whose own figures the claim is in.
CREATE FUNCTION factdesk_claim_scopes(claim text) RETURNS text[]
  LANGUAGE sql STABLE AS $$
  SELECT ARRAY[''] || coalesce((SELECT array_agg(m."user_id") FROM "claim_members" m WHERE m."claim_id" = claim), '{}')
$$;

-- One more (or one fewer) reason for a claim to be in someone's own figures.
CREATE FUNCTION factdesk_claim_member(claim text, member text, change integer) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF claim IS NULL OR member IS NULL THEN
    RETURN;
  END IF;
  IF change > 0 THEN
    INSERT INTO "claim_members" ("claim_id", "user_id", "refs", "marked_at", "verified_at", "verified_bucket")
    SELECT claim, member, change, c."created_at", c."first_verified_at", c."verified_bucket" FROM "claims" c WHERE c."id" = claim
    ON CONFLICT ("claim_id", "user_id") DO UPDATE SET "refs" = "claim_members"."refs" + EXCLUDED."refs";
  ELSE
    UPDATE "claim_members" SET "refs" = "refs" + change WHERE "claim_id" = claim AND "user_id" = member;
    DELETE FROM "claim_members" WHERE "claim_id" = claim AND "user_id" = member AND "refs" <= 0;
  END IF;
END $$;

-- A claim enters or leaves someone's own figures with everything it counts in.
CREATE FUNCTION factdesk_claim_member_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  member "claim_members" := CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END;
  sign integer := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
  claim "claims";
BEGIN
  SELECT * INTO claim FROM "claims" c WHERE c."id" = member."claim_id";
  IF FOUND THEN
    PERFORM factdesk_claim_totals(ARRAY[member."user_id"], claim."status", claim."created_at", claim."first_verified_at", sign);
    PERFORM factdesk_claim_check_totals(ARRAY[member."user_id"], member."claim_id", sign);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER claim_members_totals AFTER INSERT OR DELETE ON "claim_members"
  FOR EACH ROW EXECUTE FUNCTION factdesk_claim_member_totals();

-- The bucket of a claim's time to verified, for the index above.
CREATE FUNCTION factdesk_claim_verified_bucket() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."verified_bucket" := factdesk_verified_bucket(NEW."first_verified_at", NEW."created_at");
  RETURN NEW;
END $$;

CREATE TRIGGER claims_verified_bucket_created BEFORE INSERT ON "claims"
  FOR EACH ROW EXECUTE FUNCTION factdesk_claim_verified_bucket();
CREATE TRIGGER claims_verified_bucket_changed BEFORE UPDATE OF "first_verified_at", "created_at" ON "claims"
  FOR EACH ROW EXECUTE FUNCTION factdesk_claim_verified_bucket();

-- A claim marked, changed or deleted. On a change, the claim moves in the figures of the people
-- it already counts for before anyone joins or leaves them, so that each is counted once.
CREATE FUNCTION factdesk_claim_change_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM factdesk_claim_totals(ARRAY[''], NEW."status", NEW."created_at", NEW."first_verified_at", 1);
    PERFORM factdesk_claim_member(NEW."id", NEW."created_by_id", 1);
    PERFORM factdesk_claim_member(NEW."id", NEW."assignee_id", 1);
    RETURN NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    IF (OLD."status", OLD."created_at", OLD."first_verified_at") IS DISTINCT FROM (NEW."status", NEW."created_at", NEW."first_verified_at") THEN
      -- What moved, and only that, for the desk and everyone whose own figures the claim is in:
      -- one statement (a status change is the commonest write of the desk).
      INSERT INTO "dashboard_totals" ("user_id", "figure", "day", "key", "n")
      SELECT s.scope, f.figure, f.day, f.key, f.n
      FROM (SELECT ''::text AS scope UNION ALL SELECT m."user_id" FROM "claim_members" m WHERE m."claim_id" = NEW."id") s
      CROSS JOIN (VALUES
        ('claims', OLD."created_at"::date, OLD."status"::text, -1),
        ('claims', NEW."created_at"::date, NEW."status"::text, 1),
        ('verified', date_trunc('week', OLD."first_verified_at")::date, factdesk_verified_bucket(OLD."first_verified_at", OLD."created_at")::text, -1),
        ('verified', date_trunc('week', NEW."first_verified_at")::date, factdesk_verified_bucket(NEW."first_verified_at", NEW."created_at")::text, 1)
      ) f(figure, day, key, n)
      WHERE f.day IS NOT NULL
        AND CASE f.figure
              WHEN 'claims' THEN (OLD."status", OLD."created_at") IS DISTINCT FROM (NEW."status", NEW."created_at")
              ELSE (OLD."first_verified_at", OLD."created_at") IS DISTINCT FROM (NEW."first_verified_at", NEW."created_at")
            END;
    END IF;
    IF (OLD."created_at", OLD."first_verified_at") IS DISTINCT FROM (NEW."created_at", NEW."first_verified_at") THEN
      UPDATE "claim_members" SET "marked_at" = NEW."created_at", "verified_at" = NEW."first_verified_at", "verified_bucket" = NEW."verified_bucket"
      WHERE "claim_id" = NEW."id";
    END IF;
    IF OLD."created_by_id" IS DISTINCT FROM NEW."created_by_id" THEN
      PERFORM factdesk_claim_member(NEW."id", NEW."created_by_id", 1);
      PERFORM factdesk_claim_member(NEW."id", OLD."created_by_id", -1);
    END IF;
    IF OLD."assignee_id" IS DISTINCT FROM NEW."assignee_id" THEN
      PERFORM factdesk_claim_member(NEW."id", NEW."assignee_id", 1);
      PERFORM factdesk_claim_member(NEW."id", OLD."assignee_id", -1);
    END IF;
    RETURN NULL;
  END IF;
  -- Before a delete: its checks first (counted off for everyone while they are still known),
  -- then the claim itself, then it leaves everyone's own figures.
  DELETE FROM "claim_checks" WHERE "claim_id" = OLD."id";
  PERFORM factdesk_claim_totals(ARRAY[''], OLD."status", OLD."created_at", OLD."first_verified_at", -1);
  DELETE FROM "claim_members" WHERE "claim_id" = OLD."id";
  RETURN OLD;
END $$;

CREATE TRIGGER claims_totals_created AFTER INSERT ON "claims"
  FOR EACH ROW EXECUTE FUNCTION factdesk_claim_change_totals();
CREATE TRIGGER claims_totals_changed AFTER UPDATE OF "status", "created_at", "first_verified_at", "created_by_id", "assignee_id" ON "claims"
  FOR EACH ROW EXECUTE FUNCTION factdesk_claim_change_totals();
CREATE TRIGGER claims_totals_deleted BEFORE DELETE ON "claims"
  FOR EACH ROW EXECUTE FUNCTION factdesk_claim_change_totals();

-- Checks: a week counts a claim when its first check of the week arrives, and stops when its
-- last one goes. Per statement, so that a statement removing several checks of one claim in
-- one week counts it off once.
CREATE FUNCTION factdesk_claim_check_week_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "dashboard_totals" ("user_id", "figure", "day", "key", "n")
    SELECT s, 'checks', w.week, '', 1
    FROM (SELECT DISTINCT a."claim_id", date_trunc('week', a."completed_at") AS week FROM added a) w
    CROSS JOIN LATERAL unnest(factdesk_claim_scopes(w."claim_id")) s
    WHERE NOT EXISTS (
      SELECT 1 FROM "claim_checks" k
      WHERE k."claim_id" = w."claim_id" AND k."completed_at" >= w.week AND k."completed_at" < w.week + interval '1 week'
        AND k."event_id" NOT IN (SELECT a."event_id" FROM added a));
  ELSE
    INSERT INTO "dashboard_totals" ("user_id", "figure", "day", "key", "n")
    SELECT s, 'checks', w.week, '', -1
    FROM (SELECT DISTINCT g."claim_id", date_trunc('week', g."completed_at") AS week FROM gone g) w
    CROSS JOIN LATERAL unnest(factdesk_claim_scopes(w."claim_id")) s
    WHERE NOT EXISTS (
      SELECT 1 FROM "claim_checks" k
      WHERE k."claim_id" = w."claim_id" AND k."completed_at" >= w.week AND k."completed_at" < w.week + interval '1 week');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER claim_checks_totals_added AFTER INSERT ON "claim_checks"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION factdesk_claim_check_week_totals();
CREATE TRIGGER claim_checks_totals_gone AFTER DELETE ON "claim_checks"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION factdesk_claim_check_week_totals();

-- Verdicts count from submission while in review or approved, for the desk and their author;
-- every annotation makes its claim its author's own.
CREATE FUNCTION factdesk_annotation_verdict_totals(a "annotations", sign integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "dashboard_totals" ("user_id", "figure", "day", "key", "n")
  SELECT s, 'verdicts', a."submitted_at"::date, a."verdict"::text || CASE WHEN a."status" = 'approved' THEN ':approved' ELSE ':in_review' END, sign
  FROM unnest(ARRAY['', a."author_id"]) s
  WHERE a."kind" = 'verification' AND a."status" IN ('submitted', 'changes_requested', 'approved')
    AND a."submitted_at" IS NOT NULL AND a."verdict" IS NOT NULL
$$;

CREATE FUNCTION factdesk_annotation_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only verifications in review or approved count (the function checks the rest); an edit that
  -- leaves what counts as it was writes nothing.
  IF TG_OP <> 'UPDATE' OR (OLD."kind", OLD."status", OLD."verdict", OLD."submitted_at", OLD."author_id")
                         IS DISTINCT FROM (NEW."kind", NEW."status", NEW."verdict", NEW."submitted_at", NEW."author_id") THEN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."kind" = 'verification' AND OLD."status" IN ('submitted', 'changes_requested', 'approved') THEN
      PERFORM factdesk_annotation_verdict_totals(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."kind" = 'verification' AND NEW."status" IN ('submitted', 'changes_requested', 'approved') THEN
      PERFORM factdesk_annotation_verdict_totals(NEW, 1);
    END IF;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM factdesk_claim_member(NEW."claim_id", NEW."author_id", 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM factdesk_claim_member(OLD."claim_id", OLD."author_id", -1);
  ELSIF (OLD."claim_id", OLD."author_id") IS DISTINCT FROM (NEW."claim_id", NEW."author_id") THEN
    PERFORM factdesk_claim_member(NEW."claim_id", NEW."author_id", 1);
    PERFORM factdesk_claim_member(OLD."claim_id", OLD."author_id", -1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER annotations_totals_created AFTER INSERT OR DELETE ON "annotations"
  FOR EACH ROW EXECUTE FUNCTION factdesk_annotation_totals();
CREATE TRIGGER annotations_totals_changed AFTER UPDATE OF "kind", "status", "verdict", "submitted_at", "author_id", "claim_id" ON "annotations"
  FOR EACH ROW EXECUTE FUNCTION factdesk_annotation_totals();

-- Reviews, by decision, for the desk and the reviewer.
CREATE FUNCTION factdesk_review_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "dashboard_totals" ("user_id", "figure", "day", "key", "n")
    SELECT s, 'reviews', OLD."created_at"::date, OLD."decision"::text, -1 FROM unnest(ARRAY['', OLD."reviewer_id"]) s;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "dashboard_totals" ("user_id", "figure", "day", "key", "n")
    SELECT s, 'reviews', NEW."created_at"::date, NEW."decision"::text, 1 FROM unnest(ARRAY['', NEW."reviewer_id"]) s;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER reviews_totals_created AFTER INSERT OR DELETE ON "reviews"
  FOR EACH ROW EXECUTE FUNCTION factdesk_review_totals();
CREATE TRIGGER reviews_totals_changed AFTER UPDATE OF "decision", "created_at", "reviewer_id" ON "reviews"
  FOR EACH ROW EXECUTE FUNCTION factdesk_review_totals();

-- Every total counted again from the rows, as the triggers above keep it (tests compare the two;
-- the rebuild below writes it).
CREATE FUNCTION factdesk_dashboard_totals_from_rows() RETURNS TABLE (user_id text, figure text, day date, key text, n integer)
  LANGUAGE sql STABLE AS $$
  SELECT f.scope, f.figure, f.day, f.key, count(*)::int
  FROM (
    SELECT s.scope, 'claims' AS figure, c."created_at"::date AS day, c."status"::text AS key
    FROM "claims" c CROSS JOIN LATERAL unnest(factdesk_claim_scopes(c."id")) s(scope)
    UNION ALL
    SELECT s.scope, 'verified', date_trunc('week', c."first_verified_at")::date, factdesk_verified_bucket(c."first_verified_at", c."created_at")::text
    FROM "claims" c CROSS JOIN LATERAL unnest(factdesk_claim_scopes(c."id")) s(scope) WHERE c."first_verified_at" IS NOT NULL
    UNION ALL
    SELECT s.scope, 'checks', w.week, ''
    FROM (SELECT DISTINCT k."claim_id", date_trunc('week', k."completed_at")::date AS week FROM "claim_checks" k) w
    CROSS JOIN LATERAL unnest(factdesk_claim_scopes(w."claim_id")) s(scope)
    UNION ALL
    SELECT s.scope, 'verdicts', a."submitted_at"::date, a."verdict"::text || CASE WHEN a."status" = 'approved' THEN ':approved' ELSE ':in_review' END
    FROM "annotations" a CROSS JOIN LATERAL unnest(ARRAY['', a."author_id"]) s(scope)
    WHERE a."kind" = 'verification' AND a."status" IN ('submitted', 'changes_requested', 'approved')
      AND a."submitted_at" IS NOT NULL AND a."verdict" IS NOT NULL
    UNION ALL
    SELECT s.scope, 'reviews', r."created_at"::date, r."decision"::text
    FROM "reviews" r CROSS JOIN LATERAL unnest(ARRAY['', r."reviewer_id"]) s(scope)
  ) f
  GROUP BY f.scope, f.figure, f.day, f.key
$$;

-- Counts everything again from the rows: the existing desk here, and a repair should a total ever
-- be doubted (`SELECT factdesk_rebuild_dashboard_totals()`). Changes wait while it runs, and so
-- does the compaction (lib/dashboard/totals.ts takes the same lock).
CREATE FUNCTION factdesk_rebuild_dashboard_totals() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "claims", "annotations", "reviews", "claim_checks" IN SHARE MODE;
  PERFORM pg_advisory_xact_lock(hashtext('factdesk.dashboard_totals'));
  DELETE FROM "claim_members" m
  WHERE NOT EXISTS (SELECT 1 FROM factdesk_claim_member_reasons() r WHERE r.claim_id = m."claim_id" AND r.user_id = m."user_id");
  INSERT INTO "claim_members" ("claim_id", "user_id", "refs", "marked_at", "verified_at", "verified_bucket")
  SELECT r.claim_id, r.user_id, r.refs, c."created_at", c."first_verified_at", c."verified_bucket"
  FROM factdesk_claim_member_reasons() r JOIN "claims" c ON c."id" = r.claim_id
  ON CONFLICT ("claim_id", "user_id") DO UPDATE SET "refs" = EXCLUDED."refs", "marked_at" = EXCLUDED."marked_at",
    "verified_at" = EXCLUDED."verified_at", "verified_bucket" = EXCLUDED."verified_bucket"
  WHERE ("claim_members"."refs", "claim_members"."marked_at", "claim_members"."verified_at", "claim_members"."verified_bucket")
    IS DISTINCT FROM (EXCLUDED."refs", EXCLUDED."marked_at", EXCLUDED."verified_at", EXCLUDED."verified_bucket");
  DELETE FROM "dashboard_totals";
  INSERT INTO "dashboard_totals" ("user_id", "figure", "day", "key", "n") SELECT * FROM factdesk_dashboard_totals_from_rows();
END $$;

-- The existing desk's totals.
SELECT factdesk_rebuild_dashboard_totals();
