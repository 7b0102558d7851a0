-- CreateEnum
CREATE TYPE "ArchiveStatus" AS ENUM ('pending', 'archived', 'failed');

-- CreateTable
CREATE TABLE "source_archives" (
    "id" TEXT NOT NULL,
    "annotation_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "status" "ArchiveStatus" NOT NULL DEFAULT 'pending',
    "requested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMP(3),
    "final_url" TEXT,
    "http_status" INTEGER,
    "content_type" TEXT,
    "sha256" TEXT,
    "warc" BYTEA,
    "title" TEXT,
    "text" TEXT,
    "error" TEXT,

    CONSTRAINT "source_archives_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "source_archives_annotation_id_requested_at_idx" ON "source_archives"("annotation_id", "requested_at");

-- AddForeignKey
ALTER TABLE "source_archives" ADD CONSTRAINT "source_archives_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An archived copy is evidence: once taken, it never changes.
CREATE FUNCTION "source_archives_immutable"() RETURNS trigger AS $$
BEGIN
  IF OLD."status" = 'archived' THEN
    RAISE EXCEPTION 'an archived copy cannot be changed' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "source_archives_immutable" BEFORE UPDATE ON "source_archives"
  FOR EACH ROW EXECUTE FUNCTION "source_archives_immutable"();
