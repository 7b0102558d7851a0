-- CreateTable
CREATE TABLE "published_versions" (
    "id" TEXT NOT NULL,
    "article_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "revision_id" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "note" TEXT,
    "published_by_id" TEXT NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "published_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "published_versions_article_id_number_key" ON "published_versions"("article_id", "number");

-- AddForeignKey
ALTER TABLE "published_versions" ADD CONSTRAINT "published_versions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_versions" ADD CONSTRAINT "published_versions_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "article_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_versions" ADD CONSTRAINT "published_versions_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
