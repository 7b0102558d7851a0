-- CreateTable
CREATE TABLE "suggestion_dismissals" (
    "id" TEXT NOT NULL,
    "article_id" TEXT NOT NULL,
    "revision_id" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "dismissed_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suggestion_dismissals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "triage_models" (
    "id" TEXT NOT NULL,
    "bias" DOUBLE PRECISION NOT NULL,
    "weights" JSONB NOT NULL,
    "examples" INTEGER NOT NULL,
    "positives" INTEGER NOT NULL,
    "fitted_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "triage_models_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "suggestion_dismissals_article_id_idx" ON "suggestion_dismissals"("article_id");

-- CreateIndex
CREATE UNIQUE INDEX "suggestion_dismissals_revision_id_start_end_key" ON "suggestion_dismissals"("revision_id", "start", "end");

-- CreateIndex
CREATE INDEX "triage_models_created_at_idx" ON "triage_models"("created_at");

-- AddForeignKey
ALTER TABLE "suggestion_dismissals" ADD CONSTRAINT "suggestion_dismissals_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestion_dismissals" ADD CONSTRAINT "suggestion_dismissals_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "article_revisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestion_dismissals" ADD CONSTRAINT "suggestion_dismissals_dismissed_by_id_fkey" FOREIGN KEY ("dismissed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triage_models" ADD CONSTRAINT "triage_models_fitted_by_id_fkey" FOREIGN KEY ("fitted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
