-- What the zod schemas (lib/*/schemas.ts) enforce, enforced by the database too, so that a
-- second writer (a script with psql, a future service, a bug that skips a schema) cannot store
-- what the app would refuse. Enumerations (roles, statuses, kinds, stances, verdicts, review
-- decisions) are already PostgreSQL enum types.
--
-- Written by hand: Prisma's schema language has no CHECK constraints, and its migration diff
-- leaves them alone (it neither adds nor drops them), so `prisma migrate dev` keeps these as
-- they are. README "Prisma without engine downloads" says how this was verified.
-- Lengths are in characters (char_length), as zod counts them (UTF-16 code units, equal for
-- every character outside the astral planes; the limits leave room either way).

-- Accounts: lib/users/schemas.ts
ALTER TABLE "users"
  ADD CONSTRAINT "users_email_check" CHECK (char_length("email") BETWEEN 3 AND 254 AND "email" = lower("email") AND "email" LIKE '%_@_%'),
  ADD CONSTRAINT "users_name_check" CHECK (char_length(btrim("name")) BETWEEN 1 AND 100);

-- Articles: lib/articles/schemas.ts
ALTER TABLE "articles"
  ADD CONSTRAINT "articles_title_check" CHECK (char_length(btrim("title")) BETWEEN 1 AND 300),
  ADD CONSTRAINT "articles_outlet_check" CHECK ("outlet" IS NULL OR char_length("outlet") <= 200),
  ADD CONSTRAINT "articles_author_check" CHECK ("author" IS NULL OR char_length("author") <= 200),
  ADD CONSTRAINT "articles_url_check" CHECK ("url" IS NULL OR (char_length("url") <= 2000 AND "url" ~* '^https?://'));

-- Revisions: numbered from 1 (lib/articles).
ALTER TABLE "article_revisions"
  ADD CONSTRAINT "article_revisions_number_check" CHECK ("number" >= 1);

-- Claims: lib/claims/schemas.ts (MAX_CLAIM_CHARS, MAX_CONTEXT_CHARS, claimant)
ALTER TABLE "claims"
  ADD CONSTRAINT "claims_exact_check" CHECK (char_length("exact") BETWEEN 1 AND 5000),
  ADD CONSTRAINT "claims_context_check" CHECK (char_length("prefix") <= 200 AND char_length("suffix") <= 200),
  ADD CONSTRAINT "claims_claimant_check" CHECK ("claimant" IS NULL OR char_length("claimant") BETWEEN 1 AND 200),
  ADD CONSTRAINT "claims_offsets_check" CHECK ("start" >= 0 AND "end" >= "start");

-- Annotations: lib/annotations/schemas.ts. Each kind has its own fields and no other's.
ALTER TABLE "annotations"
  ADD CONSTRAINT "annotations_kind_fields_check" CHECK (
    CASE "kind"
      WHEN 'source' THEN "url" IS NOT NULL AND "title" IS NOT NULL AND "stance" IS NOT NULL
                         AND "verdict" IS NULL AND "rationale" IS NULL AND "rationale_text" IS NULL
      WHEN 'verification' THEN "verdict" IS NOT NULL AND "rationale" IS NOT NULL
                         AND "url" IS NULL AND "title" IS NULL AND "publisher" IS NULL AND "excerpt" IS NULL AND "stance" IS NULL
    END
  ),
  ADD CONSTRAINT "annotations_url_check" CHECK ("url" IS NULL OR (char_length("url") <= 2000 AND "url" ~* '^https?://')),
  ADD CONSTRAINT "annotations_title_check" CHECK ("title" IS NULL OR char_length(btrim("title")) BETWEEN 1 AND 500),
  ADD CONSTRAINT "annotations_publisher_check" CHECK ("publisher" IS NULL OR char_length("publisher") <= 200),
  ADD CONSTRAINT "annotations_excerpt_check" CHECK ("excerpt" IS NULL OR char_length("excerpt") <= 5000),
  ADD CONSTRAINT "annotations_rationale_check" CHECK (
    ("rationale" IS NULL OR jsonb_typeof("rationale") = 'object')
    AND ("rationale_text" IS NULL OR char_length("rationale_text") <= 20000)
  ),
  ADD CONSTRAINT "annotations_version_check" CHECK ("version" >= 1);

-- Reviews and replies: lib/reviews/schemas.ts (MAX_THREAD_TEXT_CHARS)
ALTER TABLE "reviews"
  ADD CONSTRAINT "reviews_comment_check" CHECK (char_length("comment") <= 5000);
ALTER TABLE "replies"
  ADD CONSTRAINT "replies_body_check" CHECK (char_length(btrim("body")) BETWEEN 1 AND 5000);

-- Access tokens: lib/tokens/schemas.ts
ALTER TABLE "access_tokens"
  ADD CONSTRAINT "access_tokens_name_check" CHECK (char_length(btrim("name")) BETWEEN 1 AND 100);

-- Published versions: lib/versions/schemas.ts (MAX_VERSION_NOTE_CHARS); sha256 is hex.
ALTER TABLE "published_versions"
  ADD CONSTRAINT "published_versions_note_check" CHECK ("note" IS NULL OR char_length("note") <= 2000),
  ADD CONSTRAINT "published_versions_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "published_versions_number_check" CHECK ("number" >= 1);
