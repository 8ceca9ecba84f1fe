-- A catalogue that knows its skills: other names (aliases), merges, and how often each skill is used.
--
-- A skill's aliases live on its row, so a skill is still read with one row. Names and aliases share one
-- namespace, ignoring case: skill_name holds every name and every alias once, keyed like skill_name_key
-- (lower(... COLLATE "und-x-icu")), and a trigger keeps it in step with the skill rows, so no writer can
-- give two skills the same name or alias, also when two of them race.
ALTER TABLE skill
    ADD COLUMN aliases      text[]   NOT NULL DEFAULT '{}',
    ADD COLUMN popularity   bigint   NOT NULL DEFAULT 0,
    ADD COLUMN merged_ids   bigint[] NOT NULL DEFAULT '{}',
    ADD COLUMN merged_names text[]   NOT NULL DEFAULT '{}',
    ADD CONSTRAINT skill_aliases_count CHECK (cardinality(aliases) <= 100),
    ADD CONSTRAINT skill_aliases_trimmed CHECK (array_position(aliases, NULL) IS NULL),
    ADD CONSTRAINT skill_popularity_counts CHECK (popularity >= 0);

COMMENT ON COLUMN skill.aliases IS 'Other names of the skill (any language or script); with the name, unique ignoring case across the catalogue (skill_name).';
COMMENT ON COLUMN skill.popularity IS 'How often the skill is used: imported pages that name it, and uses other services report. Not part of the version.';
COMMENT ON COLUMN skill.merged_ids IS 'Skills merged into this one, oldest first (with merged_names); see skill_merge.';

CREATE TABLE skill_name (
    name_key   text         COLLATE "C",
    skill_id   bigint       NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    name       varchar(100) NOT NULL,
    is_alias   boolean      NOT NULL,
    popularity bigint       NOT NULL DEFAULT 0,   -- the skill's, repeated here so the typeahead reads one index

    -- The key's index carries what the typeahead reads, so a range of keys is read from the index alone.
    CONSTRAINT skill_name_pkey PRIMARY KEY (name_key) INCLUDE (skill_id, name, is_alias, popularity),
    CONSTRAINT skill_name_key_matches CHECK (name_key = lower(name COLLATE "und-x-icu")),
    CONSTRAINT skill_name_trimmed CHECK (name = btrim(name) AND name <> ''),
    CONSTRAINT skill_name_no_control CHECK (name !~ '[\x01-\x1f\x7f-\x9f]')
);
CREATE INDEX skill_name_skill ON skill_name (skill_id);
COMMENT ON TABLE skill_name IS 'Every name and alias of every skill, once, ignoring case: the catalogue''s namespace. Kept by trigger from skill.';

-- Words after the first of multi-word names and aliases ("boot" of "Spring Boot"), for the typeahead.
CREATE TABLE skill_name_word (
    word_key text COLLATE "C" NOT NULL,
    name_key text COLLATE "C" NOT NULL REFERENCES skill_name (name_key) ON DELETE CASCADE,
    PRIMARY KEY (word_key, name_key)
);

CREATE FUNCTION skill_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO skill_name_word (word_key, name_key)
    SELECT DISTINCT word, NEW.name_key
      FROM regexp_split_to_table(NEW.name_key, '[\s/,;:()+_-]+|\.(?=\w)') WITH ORDINALITY AS part(word, position)
     WHERE position > 1 AND word <> '';
    RETURN NEW;
END $$;

CREATE TRIGGER skill_name_words AFTER INSERT ON skill_name FOR EACH ROW EXECUTE FUNCTION skill_name_words();

-- Keeps skill_name in step with a skill's name and aliases. A name or alias another skill holds fails the
-- statement with a unique violation of skill_name_pkey, as any duplicate key does.
CREATE FUNCTION skill_sync_names() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    names text[] := ARRAY[NEW.name::text] || NEW.aliases;
    keys  text[] := ARRAY(SELECT lower(given COLLATE "und-x-icu") FROM unnest(names) AS given);
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM skill_name WHERE skill_id = NEW.id AND name_key <> ALL (keys);
        UPDATE skill_name held SET name = given.name, is_alias = given.position > 1
          FROM unnest(names, keys) WITH ORDINALITY AS given(name, name_key, position)
         WHERE held.skill_id = NEW.id AND held.name_key = given.name_key COLLATE "C"
           AND (held.name, held.is_alias) IS DISTINCT FROM (given.name, given.position > 1);
    END IF;
    INSERT INTO skill_name (name_key, skill_id, name, is_alias, popularity)
    SELECT given.name_key, NEW.id, given.name, given.position > 1, NEW.popularity
      FROM unnest(names, keys) WITH ORDINALITY AS given(name, name_key, position)
     WHERE NOT EXISTS (SELECT 1 FROM skill_name held WHERE held.name_key = given.name_key COLLATE "C" AND held.skill_id = NEW.id);
    RETURN NEW;
END $$;

CREATE TRIGGER skill_sync_names AFTER INSERT OR UPDATE OF name, aliases ON skill FOR EACH ROW EXECUTE FUNCTION skill_sync_names();

CREATE FUNCTION skill_sync_popularity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE skill_name SET popularity = NEW.popularity WHERE skill_id = NEW.id;
    RETURN NEW;
END $$;

CREATE TRIGGER skill_sync_popularity AFTER UPDATE OF popularity ON skill FOR EACH ROW
    WHEN (NEW.popularity IS DISTINCT FROM OLD.popularity) EXECUTE FUNCTION skill_sync_popularity();

INSERT INTO skill_name (name_key, skill_id, name, is_alias)
SELECT lower(name COLLATE "und-x-icu"), id, name, false FROM skill;

-- The typeahead: a prefix that few names have is read as a range of the key's B-tree (COLLATE "C" orders
-- by code point, so a prefix is a range); one that many have, by walking the names in popularity order
-- until enough match. Near misses start or end like the text (a typo leaves one end whole), so they are
-- ranges of the key's B-tree or of the reversed key's, checked with fuzzystrmatch's levenshtein (a contrib
-- extension PostgreSQL trusts, like pg_trgm).
CREATE INDEX skill_name_popularity ON skill_name (popularity DESC, name_key) INCLUDE (skill_id, name, is_alias);
CREATE INDEX skill_name_reversed ON skill_name (reverse(name_key) COLLATE "C");
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
-- Listing by popularity (sort=popularity) pages by (popularity, id).
CREATE INDEX skill_popularity ON skill (popularity, id);

-- A replayed creation answers with the skill as it was created, aliases included.
ALTER TABLE skill_creation_request ADD COLUMN aliases text[];

-- Merged skills: where each now lives, so that GET /skills/{old id} can redirect there. A merge cannot be undone.
CREATE TABLE skill_merge (
    source_id   bigint       PRIMARY KEY,
    target_id   bigint       NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    source_name varchar(100) NOT NULL,
    merged_at   timestamptz  NOT NULL
);
CREATE INDEX skill_merge_target ON skill_merge (target_id);
COMMENT ON TABLE skill_merge IS 'Skills merged into others: the old id and name, and the skill that holds them now.';
