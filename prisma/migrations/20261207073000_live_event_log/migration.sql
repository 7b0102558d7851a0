-- CreateTable
CREATE TABLE "live_events" (
    "id" BIGSERIAL NOT NULL,
    "article_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "claim_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_event_horizons" (
    "article_id" TEXT NOT NULL,
    "pruned_through" BIGINT NOT NULL,

    CONSTRAINT "live_event_horizons_pkey" PRIMARY KEY ("article_id")
);

-- CreateIndex
CREATE INDEX "live_events_article_id_id_idx" ON "live_events"("article_id", "id");

-- CreateIndex
CREATE INDEX "live_events_created_at_idx" ON "live_events"("created_at");

-- Ids of one article's events follow commit order: the id is drawn under a per-article lock
-- held until the transaction ends, so a later id of the same article cannot commit first, and
-- a client that saw id N has seen every earlier event of its article that will ever commit.
CREATE FUNCTION "live_events_number_in_commit_order"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('factdesk_live:' || NEW.article_id));
  NEW.id := nextval(pg_get_serial_sequence('live_events', 'id'));
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "live_events_number_in_commit_order"
BEFORE INSERT ON "live_events"
FOR EACH ROW EXECUTE FUNCTION "live_events_number_in_commit_order"();
