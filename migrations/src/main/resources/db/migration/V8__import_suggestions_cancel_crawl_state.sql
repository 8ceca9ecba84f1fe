-- Imports that tell names from mentions, can be cancelled, and crawl like good citizens.

-- A job can be cancelled: its pages not yet started are not fetched.
ALTER TABLE import_job ADD COLUMN cancelled_at timestamptz;

ALTER TABLE import_page DROP CONSTRAINT import_page_state;
ALTER TABLE import_page ADD CONSTRAINT import_page_state CHECK (state IN ('pending', 'fetching', 'done', 'failed', 'cancelled'));
ALTER TABLE import_page DROP CONSTRAINT import_page_finished;
ALTER TABLE import_page ADD CONSTRAINT import_page_finished CHECK ((state IN ('done', 'failed', 'cancelled')) = (finished_at IS NOT NULL));
-- The server answered 304 Not Modified to the validators of the last import of the same address: nothing was read.
ALTER TABLE import_page ADD COLUMN unchanged boolean NOT NULL DEFAULT false;

-- Names that weaker sources on a job's pages gave (tags, keywords) and the catalogue does not know. A curator
-- accepts one (it becomes a skill) or dismisses it; until then it is only a suggestion.
CREATE TABLE import_suggestion (
    job_id     uuid        NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    name_key   text        COLLATE "C" NOT NULL,
    name       varchar(100) NOT NULL,
    pages      integer     NOT NULL DEFAULT 1,
    state      text        NOT NULL DEFAULT 'open',
    skill_id   bigint,
    decided_at timestamptz,

    PRIMARY KEY (job_id, name_key),
    CONSTRAINT import_suggestion_state CHECK (state IN ('open', 'accepted', 'dismissed')),
    CONSTRAINT import_suggestion_decided CHECK ((state = 'open') = (decided_at IS NULL)),
    CONSTRAINT import_suggestion_pages CHECK (pages >= 1)
);

-- What the service knows of each host it fetches from, shared by every instance: its robots.txt (RFC 9309)
-- and when its next page may be fetched (the minimum delay per host, or its Crawl-delay).
CREATE TABLE crawl_host (
    authority         text        PRIMARY KEY,
    robots_status     integer,
    robots_txt        text,
    robots_fetched_at timestamptz,
    robots_expires_at timestamptz,
    next_fetch_at     timestamptz NOT NULL DEFAULT '-infinity'
);

-- The validators a page was last served with, so that importing it again can ask only for a newer version.
CREATE TABLE crawled_page (
    url           text        PRIMARY KEY,
    etag          text,
    last_modified text,
    fetched_at    timestamptz NOT NULL
);
