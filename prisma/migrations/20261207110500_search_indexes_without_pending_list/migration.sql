-- The desk-memory GIN indexes take new entries directly instead of through a pending list
-- (`fastupdate`). With a pending list, every search and "checked before" lookup reads the
-- whole list (up to 4 MB) besides the index, and the planner, pricing that list, prefers
-- reading all of `articles` with every article's search document from TOAST: 72 ms on
-- 2,000 articles against under 1 ms by the index. Writes pay a little instead: a claim's
-- or an annotation's few dozen words, an article's search document once per revision.
ALTER INDEX "claims_search_vector_idx" SET (fastupdate = off);
ALTER INDEX "annotations_search_vector_idx" SET (fastupdate = off);
ALTER INDEX "articles_search_vector_idx" SET (fastupdate = off);

-- Entries already waiting in a list move into the index now.
SELECT gin_clean_pending_list('"claims_search_vector_idx"'::regclass);
SELECT gin_clean_pending_list('"annotations_search_vector_idx"'::regclass);
SELECT gin_clean_pending_list('"articles_search_vector_idx"'::regclass);
