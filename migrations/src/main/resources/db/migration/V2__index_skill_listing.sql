-- Indexes for listing the catalogue (GET /skills). Each keyset page reads only its own rows however
-- deep it is, because every order has an index that ends in a unique column:
--   sort=id         the primary key
--   sort=name       skill_name_key, on the same expression the listing orders by
--   sort=createdAt  skill_created_at_id below
-- and category filters use skill_category_id.
CREATE INDEX skill_created_at_id ON skill (created_at, id);
CREATE INDEX skill_category_id ON skill (category, id);

-- q= looks for a piece of the name anywhere in it, ignoring case: LIKE '%piece%' on the same lower-cased
-- expression as skill_name_key. A B-tree cannot serve a pattern that starts with a wildcard; a trigram
-- GIN index can (pg_trgm, shipped with PostgreSQL and trusted, so the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX skill_name_trgm ON skill USING gin (lower(name COLLATE "und-x-icu") gin_trgm_ops);
