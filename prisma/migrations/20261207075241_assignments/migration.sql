-- Assignments: who checks an article or a claim, and by when.
ALTER TABLE "articles" ADD COLUMN "assignee_id" TEXT,
ADD COLUMN "due_at" TIMESTAMP(3),
ADD COLUMN "assigned_at" TIMESTAMP(3);

ALTER TABLE "claims" ADD COLUMN "assignee_id" TEXT,
ADD COLUMN "due_at" TIMESTAMP(3),
ADD COLUMN "assigned_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "articles_assignee_id_due_at_idx" ON "articles"("assignee_id", "due_at");

-- CreateIndex
CREATE INDEX "claims_assignee_id_due_at_idx" ON "claims"("assignee_id", "due_at");

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
