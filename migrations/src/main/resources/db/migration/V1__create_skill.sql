-- The skills catalogue. The checks repeat the domain's rules (SkillContent) so that no writer,
-- whatever its code, can store a skill the service would refuse. They are never stricter than the
-- domain: anything the domain accepts, the table accepts.

CREATE TABLE skill (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        varchar(100) NOT NULL,
    category    varchar(50),
    description text,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL DEFAULT 1,

    CONSTRAINT skill_name_not_blank       CHECK (btrim(name) <> ''),
    CONSTRAINT skill_name_trimmed         CHECK (name = btrim(name)),
    CONSTRAINT skill_name_no_control      CHECK (name !~ '[\x01-\x1f\x7f-\x9f]'),
    CONSTRAINT skill_category_not_blank   CHECK (btrim(category) <> ''),
    CONSTRAINT skill_category_trimmed     CHECK (category = btrim(category)),
    CONSTRAINT skill_category_no_control  CHECK (category !~ '[\x01-\x1f\x7f-\x9f]'),
    CONSTRAINT skill_description_length   CHECK (char_length(description) <= 2000),
    CONSTRAINT skill_description_control  CHECK (description !~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]'),
    CONSTRAINT skill_version_positive     CHECK (version >= 1),
    CONSTRAINT skill_updated_after_create CHECK (updated_at >= created_at)
);

-- Names are unique ignoring case. ICU's root locale lowers every script the same way whatever the
-- database's own locale is, and the same way the domain does (String.toLowerCase(Locale.ROOT)).
CREATE UNIQUE INDEX skill_name_key ON skill (lower(name COLLATE "und-x-icu"));

COMMENT ON TABLE skill IS 'The Team Finder skills catalogue.';
COMMENT ON COLUMN skill.version IS 'Starts at 1 and grows by one on every change; the basis of ETags and optimistic locking.';
