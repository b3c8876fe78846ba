-- migrate:up
-- Idempotency-Key records of one service (shipped by @mg/shared-idempotency, SPEC §7). The
-- primary key is the lock: the first request to insert (user_id, key) executes, the others
-- replay what it stored.
CREATE TABLE idempotency_keys (
    -- Keys are scoped per caller: two users may pick the same key independently.
    user_id TEXT NOT NULL,
    key TEXT NOT NULL,
    -- SHA-256 of method, path and canonical JSON body: the same key with another request is refused.
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    status_code INTEGER,
    -- json, not jsonb: json keeps the text as sent, so a replay is the same bytes, keys in the
    -- same order.
    response_body JSON,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,

    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (user_id, key),
    CONSTRAINT idempotency_keys_completed_has_status
        CHECK ((state = 'COMPLETED') = (status_code IS NOT NULL))
);

CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (expires_at);

-- migrate:down
DROP TABLE idempotency_keys;
