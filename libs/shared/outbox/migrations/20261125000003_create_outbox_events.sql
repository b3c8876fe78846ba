-- migrate:up
-- The transactional outbox of one service (shipped by @mg/shared-outbox, SPEC §8): an event is
-- inserted in the same transaction as the change it reports, so it exists if and only if the
-- change committed. The relay publishes it to JetStream afterwards and marks it published.
CREATE TABLE outbox_events (
    -- The event id, also the JetStream message id: a re-publish is dropped as a duplicate.
    id UUID NOT NULL,
    -- Insertion order, which the relay publishes in.
    position BIGINT GENERATED ALWAYS AS IDENTITY,
    subject TEXT NOT NULL,
    envelope JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,

    CONSTRAINT outbox_events_pkey PRIMARY KEY (id),
    CONSTRAINT outbox_events_position_key UNIQUE (position)
);

-- What the relay looks for: small, since published rows leave it.
CREATE INDEX outbox_events_unpublished_idx ON outbox_events (position) WHERE published_at IS NULL;

-- Wakes the relay (LISTEN outbox_events) as soon as events commit, instead of at its next poll.
-- Statement-level: one notification per INSERT, and PostgreSQL folds identical notifications of
-- one transaction into one, delivered at commit.
CREATE FUNCTION outbox_events_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox_events', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
FOR EACH STATEMENT EXECUTE FUNCTION outbox_events_notify();

-- migrate:down
DROP TABLE outbox_events;
DROP FUNCTION outbox_events_notify();
