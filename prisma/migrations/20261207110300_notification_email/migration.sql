-- Email of notifications (lib/mail): whether a mail about each one is owed, sent or skipped,
-- and when it was sent. Rows written before mail was configured stay NULL: never mailed.
ALTER TABLE "notifications" ADD COLUMN "email_state" TEXT,
ADD COLUMN "emailed_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "notifications_email_state_recipient_id_created_at_idx" ON "notifications"("email_state", "recipient_id", "created_at");
