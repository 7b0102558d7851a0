-- CreateTable
CREATE TABLE "annotation_mentions" (
    "annotation_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "notified_at" TIMESTAMP(3),

    CONSTRAINT "annotation_mentions_pkey" PRIMARY KEY ("annotation_id","user_id")
);

-- CreateIndex
CREATE INDEX "annotation_mentions_user_id_idx" ON "annotation_mentions"("user_id");

-- AddForeignKey
ALTER TABLE "annotation_mentions" ADD CONSTRAINT "annotation_mentions_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_mentions" ADD CONSTRAINT "annotation_mentions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
