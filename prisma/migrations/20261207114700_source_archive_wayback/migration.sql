-- The Internet Archive's copy of a cited page (FACTDESK_WAYBACK=on): its address, or why there is
-- none. Written with the desk's own copy, in the same update that completes the row (an archived
-- row never changes afterwards).
ALTER TABLE "source_archives" ADD COLUMN "wayback_url" TEXT,
ADD COLUMN "wayback_error" TEXT;
