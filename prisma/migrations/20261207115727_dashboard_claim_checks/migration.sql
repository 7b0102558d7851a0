-- The dashboard's two figures about settled claims (lib/dashboard/get-dashboard.ts), kept as the
-- desk works instead of read from the whole audit log on every request. Both follow the audit
-- events that record a claim's status change (`after.claimStatus.after`, D7), in the transaction
-- that writes the event: whichever use case moved the status (an annotation change, re-anchoring,
-- re-attaching), and an event whose time is corrected moves its figure with it.

-- When the claim first moved to *verified* (time to verified). Set once: a claim that goes back
-- to needs re-verification and is verified again keeps its first verification.
ALTER TABLE "claims" ADD COLUMN "first_verified_at" TIMESTAMP(3);

-- Every move of a claim to *verified* or *disputed* (checks completed per week): one row per
-- audit event, gone with its claim as the dashboard's join to claims left deleted claims out.
CREATE TABLE "claim_checks" (
    "event_id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "status" "ClaimStatus" NOT NULL,
    "completed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "claim_checks_pkey" PRIMARY KEY ("event_id")
);

CREATE INDEX "claim_checks_completed_at_claim_id_idx" ON "claim_checks"("completed_at", "claim_id");
CREATE INDEX "claim_checks_claim_id_completed_at_idx" ON "claim_checks"("claim_id", "completed_at");
ALTER TABLE "claim_checks" ADD CONSTRAINT "claim_checks_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing rows, from the audit log.
INSERT INTO "claim_checks" ("event_id", "claim_id", "status", "completed_at")
SELECT e."id", e."claim_id", ((e."after" -> 'claimStatus') ->> 'after')::"ClaimStatus", e."created_at"
FROM "audit_events" e JOIN "claims" c ON c."id" = e."claim_id"
WHERE ((e."after" -> 'claimStatus') ->> 'after') IN ('verified', 'disputed');

UPDATE "claims" c SET "first_verified_at" = f."at"
FROM (SELECT "claim_id", min("completed_at") AS "at" FROM "claim_checks" WHERE "status" = 'verified' GROUP BY "claim_id") f
WHERE f."claim_id" = c."id";

-- Time to verified reads the claims first verified in the range, with the time they were marked
-- and what a reviewer's own view filters on, from the index alone.
CREATE INDEX "claims_first_verified_scope_idx" ON "claims"("first_verified_at", "created_at", "created_by_id", "assignee_id", "id");

-- Kept by the database from here on.
CREATE FUNCTION factdesk_claim_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  settled text := (NEW."after" -> 'claimStatus') ->> 'after';
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM "claim_checks" WHERE "event_id" = OLD."id";
  END IF;
  IF NEW."claim_id" IS NOT NULL AND settled IN ('verified', 'disputed') THEN
    INSERT INTO "claim_checks" ("event_id", "claim_id", "status", "completed_at")
    SELECT NEW."id", c."id", settled::"ClaimStatus", NEW."created_at" FROM "claims" c WHERE c."id" = NEW."claim_id";
  END IF;
  -- Only a claim whose first verification moves is written (a first one, or a corrected time).
  UPDATE "claims" c SET "first_verified_at" = v."at"
  FROM (
    SELECT x."id", (SELECT min(k."completed_at") FROM "claim_checks" k WHERE k."claim_id" = x."id" AND k."status" = 'verified') AS "at"
    FROM "claims" x WHERE x."id" IN (NEW."claim_id", OLD."claim_id")
  ) v
  WHERE c."id" = v."id" AND c."first_verified_at" IS DISTINCT FROM v."at";
  RETURN NULL;
END $$;

CREATE TRIGGER audit_events_claim_check_created AFTER INSERT ON "audit_events"
  FOR EACH ROW WHEN (((NEW."after" -> 'claimStatus') ->> 'after') IN ('verified', 'disputed'))
  EXECUTE FUNCTION factdesk_claim_check();
CREATE TRIGGER audit_events_claim_check_changed AFTER UPDATE OF "claim_id", "after", "created_at" ON "audit_events"
  FOR EACH ROW WHEN (((OLD."after" -> 'claimStatus') ->> 'after') IN ('verified', 'disputed')
                     OR ((NEW."after" -> 'claimStatus') ->> 'after') IN ('verified', 'disputed'))
  EXECUTE FUNCTION factdesk_claim_check();

-- The other figures read from indexes alone (a claim row, with its quote and search documents, is
-- ten times wider than these entries): claims marked in the range by status (and the columns of
-- a reviewer's own view), verdicts submitted in the range, reviews per week by decision, and the
-- claims a reviewer wrote on.
DROP INDEX "claims_created_at_idx";
CREATE INDEX "claims_created_at_scope_idx" ON "claims"("created_at", "status", "created_by_id", "assignee_id", "id");
DROP INDEX "annotations_author_id_idx";
CREATE INDEX "annotations_author_id_claim_id_idx" ON "annotations"("author_id", "claim_id");
CREATE INDEX "annotations_kind_submitted_at_status_verdict_idx" ON "annotations"("kind", "submitted_at", "status", "verdict");
CREATE INDEX "reviews_created_at_decision_idx" ON "reviews"("created_at", "decision");

-- The settled audit events are no longer read on their own: their index and statistics go.
DROP INDEX "audit_events_claim_settled_idx";
DROP STATISTICS "audit_events_claim_status_stats";
