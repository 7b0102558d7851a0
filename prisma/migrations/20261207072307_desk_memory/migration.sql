-- Desk memory: full-text search over articles, claims and annotations, fuzzy candidates for
-- "checked before", and links between claims that say the same thing.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- An article's language (ISO 639-1), chosen or detected at import; it picks the text search
-- configuration below and is the ClaimReview `inLanguage` (lib/articles/schemas.ts checks the code).
ALTER TABLE "articles" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';

-- unaccent() is only STABLE (its dictionary could be changed); naming the dictionary makes a
-- wrapper that indexes and generated values may rely on.
CREATE FUNCTION factdesk_unaccent(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN public.unaccent('public.unaccent'::regdictionary, input);

-- The text search configuration of a language: PostgreSQL's own stemmer where it has one,
-- `simple` (no stemming, no stop words) otherwise. Kept in step with lib/search/languages.ts.
CREATE FUNCTION factdesk_ts_config(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE language
    WHEN 'ar' THEN 'pg_catalog.arabic'::regconfig
    WHEN 'ca' THEN 'pg_catalog.catalan'::regconfig
    WHEN 'da' THEN 'pg_catalog.danish'::regconfig
    WHEN 'de' THEN 'pg_catalog.german'::regconfig
    WHEN 'el' THEN 'pg_catalog.greek'::regconfig
    WHEN 'en' THEN 'pg_catalog.english'::regconfig
    WHEN 'es' THEN 'pg_catalog.spanish'::regconfig
    WHEN 'eu' THEN 'pg_catalog.basque'::regconfig
    WHEN 'fi' THEN 'pg_catalog.finnish'::regconfig
    WHEN 'fr' THEN 'pg_catalog.french'::regconfig
    WHEN 'ga' THEN 'pg_catalog.irish'::regconfig
    WHEN 'hi' THEN 'pg_catalog.hindi'::regconfig
    WHEN 'hu' THEN 'pg_catalog.hungarian'::regconfig
    WHEN 'hy' THEN 'pg_catalog.armenian'::regconfig
    WHEN 'id' THEN 'pg_catalog.indonesian'::regconfig
    WHEN 'it' THEN 'pg_catalog.italian'::regconfig
    WHEN 'lt' THEN 'pg_catalog.lithuanian'::regconfig
    WHEN 'ne' THEN 'pg_catalog.nepali'::regconfig
    WHEN 'nl' THEN 'pg_catalog.dutch'::regconfig
    WHEN 'no' THEN 'pg_catalog.norwegian'::regconfig
    WHEN 'pt' THEN 'pg_catalog.portuguese'::regconfig
    WHEN 'ro' THEN 'pg_catalog.romanian'::regconfig
    WHEN 'ru' THEN 'pg_catalog.russian'::regconfig
    WHEN 'sr' THEN 'pg_catalog.serbian'::regconfig
    WHEN 'sv' THEN 'pg_catalog.swedish'::regconfig
    WHEN 'ta' THEN 'pg_catalog.tamil'::regconfig
    WHEN 'tr' THEN 'pg_catalog.turkish'::regconfig
    WHEN 'yi' THEN 'pg_catalog.yiddish'::regconfig
    ELSE 'pg_catalog.simple'::regconfig
  END;

-- The search document of each row, kept by the database (triggers below): a claim's quote, an
-- annotation's source fields and verdict rationale, an article's title and current text.
ALTER TABLE "claims" ADD COLUMN "search_vector" tsvector;
-- The quote lower-cased and without accents, for trigram candidates.
ALTER TABLE "claims" ADD COLUMN "match_text" TEXT;
ALTER TABLE "annotations" ADD COLUMN "search_vector" tsvector;
ALTER TABLE "articles" ADD COLUMN "search_vector" tsvector;

-- Article text past this many characters is left out of its search document (the title stays):
-- a tsvector holds at most 1 MB, and claims, not whole articles, are what the desk looks for.
CREATE FUNCTION factdesk_article_vector(article_language text, title text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN setweight(to_tsvector(factdesk_ts_config(article_language), factdesk_unaccent(coalesce(title, ''))), 'A')
      || CASE WHEN body IS NULL OR length(body) > 200000 THEN ''::tsvector
              ELSE setweight(to_tsvector(factdesk_ts_config(article_language), factdesk_unaccent(body)), 'B') END;

CREATE FUNCTION factdesk_claim_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := to_tsvector(
    factdesk_ts_config((SELECT language FROM articles WHERE id = NEW.article_id)),
    factdesk_unaccent(NEW.exact));
  NEW.match_text := lower(factdesk_unaccent(NEW.exact));
  RETURN NEW;
END $$;

CREATE TRIGGER claims_search BEFORE INSERT OR UPDATE OF exact, article_id ON "claims"
  FOR EACH ROW EXECUTE FUNCTION factdesk_claim_search();

CREATE FUNCTION factdesk_annotation_search() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  config regconfig := factdesk_ts_config(
    (SELECT a.language FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = NEW.claim_id));
BEGIN
  NEW.search_vector :=
       setweight(to_tsvector(config, factdesk_unaccent(coalesce(NEW.title, ''))), 'A')
    || setweight(to_tsvector(config, factdesk_unaccent(coalesce(NEW.publisher, ''))), 'B')
    || setweight(to_tsvector(config, factdesk_unaccent(coalesce(NEW.excerpt, '') || ' ' || coalesce(NEW.rationale_text, ''))), 'C')
    || setweight(to_tsvector('pg_catalog.simple', coalesce(NEW.url, '')), 'D');
  RETURN NEW;
END $$;

CREATE TRIGGER annotations_search BEFORE INSERT OR UPDATE OF title, publisher, excerpt, rationale_text, url, claim_id ON "annotations"
  FOR EACH ROW EXECUTE FUNCTION factdesk_annotation_search();

CREATE FUNCTION factdesk_article_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := factdesk_article_vector(NEW.language, NEW.title,
    (SELECT text FROM article_revisions WHERE article_id = NEW.id ORDER BY number DESC LIMIT 1));
  RETURN NEW;
END $$;

CREATE TRIGGER articles_search BEFORE INSERT OR UPDATE OF title, language ON "articles"
  FOR EACH ROW EXECUTE FUNCTION factdesk_article_search();

-- A new revision is the article's current text.
CREATE FUNCTION factdesk_revision_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE articles SET search_vector = factdesk_article_vector(language, title, NEW.text)
   WHERE id = NEW.article_id
     AND NOT EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = NEW.article_id AND r.number > NEW.number);
  RETURN NULL;
END $$;

CREATE TRIGGER article_revisions_search AFTER INSERT ON "article_revisions"
  FOR EACH ROW EXECUTE FUNCTION factdesk_revision_search();

-- Another language: the claims and annotations of the article are searched with its configuration.
CREATE FUNCTION factdesk_article_language() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claims SET exact = exact WHERE article_id = NEW.id;
  UPDATE annotations SET claim_id = claim_id WHERE claim_id IN (SELECT id FROM claims WHERE article_id = NEW.id);
  RETURN NULL;
END $$;

CREATE TRIGGER articles_language AFTER UPDATE OF language ON "articles"
  FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language) EXECUTE FUNCTION factdesk_article_language();

-- Existing rows.
UPDATE "articles" SET title = title;
UPDATE "claims" SET exact = exact;
UPDATE "annotations" SET claim_id = claim_id;

CREATE INDEX "claims_search_vector_idx" ON "claims" USING GIN ("search_vector");
CREATE INDEX "claims_match_text_idx" ON "claims" USING GIN ("match_text" gin_trgm_ops);
CREATE INDEX "annotations_search_vector_idx" ON "annotations" USING GIN ("search_vector");
CREATE INDEX "articles_search_vector_idx" ON "articles" USING GIN ("search_vector");

-- Two claims that say the same thing, linked by a reviewer: one row each way, so either
-- claim finds the other with one indexed read.
CREATE TABLE "claim_links" (
    "claim_id" TEXT NOT NULL,
    "other_claim_id" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_links_pkey" PRIMARY KEY ("claim_id","other_claim_id")
);

CREATE INDEX "claim_links_other_claim_id_idx" ON "claim_links"("other_claim_id");

ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_other_claim_id_fkey" FOREIGN KEY ("other_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
