-- Idempotency keys of POST /skills: a client that retries a creation with the same Idempotency-Key gets
-- the first answer again. Each row remembers the skill as it was created, so the replay is the original
-- response even if the skill changed or went away since. Rows older than the retention time (24 hours
-- by default) no longer count and are deleted by the service.
CREATE TABLE skill_creation_request (
    idempotency_key varchar(255) PRIMARY KEY,
    received_at     timestamptz  NOT NULL,
    skill_id        bigint,
    name            varchar(100),
    category        varchar(50),
    description     text,
    created_at      timestamptz
);

CREATE INDEX skill_creation_request_received_at ON skill_creation_request (received_at);

COMMENT ON TABLE skill_creation_request IS 'Idempotency keys of skill creations and the skill each created.';
