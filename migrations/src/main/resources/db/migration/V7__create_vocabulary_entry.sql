-- Entries of published vocabularies (the starter vocabulary, ESCO's skills in a language) that were loaded,
-- so that loading again changes nothing: an entry is loaded once, whatever curators did with its skill
-- since. skill_id is the skill the entry made, or the one that already had its name.
CREATE TABLE vocabulary_entry (
    source    varchar(50)  NOT NULL,
    key       varchar(500) NOT NULL,
    language  varchar(10)  NOT NULL,
    skill_id  bigint,
    loaded_at timestamptz  NOT NULL,
    PRIMARY KEY (source, key, language)
);

COMMENT ON TABLE vocabulary_entry IS 'Vocabulary entries loaded into the catalogue, each once (see LoadVocabulary).';
