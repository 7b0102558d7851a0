-- "Due within 24 hours" notifications: the due date each one warned of, and a unique key so
-- that an assignee is warned once per target and due date (NULLs are distinct: other kinds,
-- which leave due_at empty, are never constrained by it).
ALTER TABLE "notifications" ADD COLUMN "due_at" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "notifications_recipient_id_kind_target_id_due_at_key" ON "notifications"("recipient_id", "kind", "target_id", "due_at");
