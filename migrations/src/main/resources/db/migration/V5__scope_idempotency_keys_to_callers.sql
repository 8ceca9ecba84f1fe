-- An Idempotency-Key belongs to the caller that sent it (the token's subject; '' when no one signs in),
-- so two callers choosing the same key never receive each other's creation. Keys already stored were
-- all sent without a known caller and stay in the anonymous scope.
ALTER TABLE skill_creation_request ADD COLUMN caller text NOT NULL DEFAULT '';
ALTER TABLE skill_creation_request ALTER COLUMN caller DROP DEFAULT;
ALTER TABLE skill_creation_request DROP CONSTRAINT skill_creation_request_pkey;
ALTER TABLE skill_creation_request ADD PRIMARY KEY (caller, idempotency_key);

COMMENT ON COLUMN skill_creation_request.caller IS 'Who sent the key: the subject of the bearer token, or empty without sign-in.';
