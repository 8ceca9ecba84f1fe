-- Import jobs: a user hands in up to 500 page addresses; runners in any number of service instances fetch
-- them and save the skills found. A job's state and counts follow from its pages, so only the pages change.

CREATE TABLE import_job (
    id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    category    varchar(50),
    created_at  timestamptz  NOT NULL,
    pages_total integer      NOT NULL,

    CONSTRAINT import_job_pages_total   CHECK (pages_total BETWEEN 1 AND 500),
    CONSTRAINT import_job_category_trimmed CHECK (category = btrim(category) AND category <> '')
);

CREATE TABLE import_page (
    id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id         uuid         NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    position       integer      NOT NULL,
    url            text         NOT NULL,
    host           text         NOT NULL,
    state          text         NOT NULL DEFAULT 'pending',
    attempts       integer      NOT NULL DEFAULT 0,
    claimed_by     text,
    lease_until    timestamptz,
    http_status    integer,
    skills_found   integer      NOT NULL DEFAULT 0,
    skills_created integer      NOT NULL DEFAULT 0,
    skills_present integer      NOT NULL DEFAULT 0,
    error          text,
    finished_at    timestamptz,

    CONSTRAINT import_page_position UNIQUE (job_id, position),
    CONSTRAINT import_page_state CHECK (state IN ('pending', 'fetching', 'done', 'failed')),
    CONSTRAINT import_page_claim CHECK ((state = 'fetching') = (claimed_by IS NOT NULL AND lease_until IS NOT NULL)),
    CONSTRAINT import_page_finished CHECK ((state IN ('done', 'failed')) = (finished_at IS NOT NULL)),
    CONSTRAINT import_page_error CHECK ((state = 'failed') = (error IS NOT NULL)),
    CONSTRAINT import_page_counts CHECK (skills_found >= 0 AND skills_created >= 0 AND skills_present >= 0
                                         AND skills_created + skills_present = skills_found)
);

-- What runners look through for work: only unfinished pages, grouped by host for the per-host limit.
CREATE INDEX import_page_unfinished ON import_page (host, id) WHERE state IN ('pending', 'fetching');

COMMENT ON TABLE import_page IS 'One page of an import job. Claimed with SELECT ... FOR UPDATE SKIP LOCKED; a claim is a lease that ends at lease_until.';
COMMENT ON COLUMN import_page.attempts IS 'How many times the page was claimed; more than one means a runner stopped while holding it.';
