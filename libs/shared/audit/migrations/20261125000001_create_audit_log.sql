-- migrate:up
-- The append-only audit trail of one service (shipped by @mg/shared-audit, applied with the
-- service's own migrations). Every row is chained to the previous one by a SHA-256 hash, so
-- an edit made behind the triggers' back (by someone able to disable them) is detected by
-- audit_log_verify().
CREATE TABLE audit_log (
    id UUID NOT NULL DEFAULT gen_random_uuid(),
    -- Position in the chain, assigned by the trigger below: 1, 2, 3… in commit order.
    seq BIGINT NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- A user (id + role), or the system itself (no id, role 'SYSTEM').
    actor_id UUID,
    actor_role TEXT NOT NULL,
    -- '<entity>.<verb>', e.g. 'contract.create'.
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT,
    -- Lets a service show a project manager only the entries of their projects (SPEC §5).
    project_id UUID,
    outcome TEXT NOT NULL CHECK (outcome IN ('SUCCEEDED', 'REFUSED')),
    -- The HTTP status of a refusal (403, 409, 422).
    status_code INTEGER,
    before JSONB,
    after JSONB,
    -- Why: the error code of a refusal, or the reason a user gave (reject, reopen).
    reason TEXT,
    request_id TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,

    CONSTRAINT audit_log_pkey PRIMARY KEY (id),
    CONSTRAINT audit_log_seq_key UNIQUE (seq),
    CONSTRAINT audit_log_refusal_has_status CHECK ((outcome = 'REFUSED') = (status_code IS NOT NULL))
);

CREATE INDEX audit_log_entity_type_entity_id_seq_idx ON audit_log (entity_type, entity_id, seq);

-- The hash of a row: SHA-256 (hex) of the previous row's hash followed by a canonical text of
-- the row's fields. jsonb_build_array gives that text an unambiguous escaping (no separator a
-- value could forge), and the time is spelt out in UTC, whatever the session's TimeZone or
-- DateStyle. The fields are listed explicitly: a column added later does not change old hashes.
-- Used both when a row is inserted and when the chain is verified.
CREATE FUNCTION audit_log_hash(entry audit_log) RETURNS TEXT
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(entry.prev_hash || jsonb_build_array(
    entry.seq,
    entry.id,
    to_char(entry.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    entry.actor_id,
    entry.actor_role,
    entry.action,
    entry.entity_type,
    entry.entity_id,
    entry.project_id,
    entry.outcome,
    entry.status_code,
    entry.before,
    entry.after,
    entry.reason,
    entry.request_id
  )::text, 'UTF8')), 'hex')
$$;

-- Chains each new row. The transaction-scoped advisory lock makes concurrent inserters queue
-- here until the previous one's transaction ends, so every row sees its committed predecessor
-- and the chain stays one line (seq = commit order). Values a client sends for seq, prev_hash
-- and hash are overwritten. Callers must run in READ COMMITTED (the default): under REPEATABLE
-- READ the predecessor may be invisible, and the unique seq makes the insert fail instead.
CREATE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq BIGINT;
  last_hash TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('mg.audit_log', 0));
  SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_log_hash(NEW);
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- Append-only, in the database itself: privileges do not bind the superuser the services
-- connect as here, triggers do. Statement-level, so even an UPDATE or DELETE matching no row
-- is refused.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Record a correcting entry instead.';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

-- Walks the chain in seq order and names the first row that does not hold: a hash that no
-- longer matches its fields, a prev_hash that is not its predecessor's hash, or a gap in seq.
CREATE FUNCTION audit_log_verify()
RETURNS TABLE (ok BOOLEAN, checked BIGINT, first_broken_seq BIGINT)
LANGUAGE sql STABLE AS $$
  WITH chain AS (
    SELECT a.seq, a.prev_hash, a.hash, audit_log_hash(a) AS recomputed,
           lag(a.seq) OVER w AS previous_seq, lag(a.hash) OVER w AS previous_hash
    FROM audit_log a
    WINDOW w AS (ORDER BY a.seq)
  ), broken AS (
    SELECT min(seq) AS seq FROM chain
    WHERE hash IS DISTINCT FROM recomputed
       OR prev_hash IS DISTINCT FROM coalesce(previous_hash, repeat('0', 64))
       OR seq <> coalesce(previous_seq, 0) + 1
  )
  SELECT broken.seq IS NULL, (SELECT count(*) FROM audit_log), broken.seq FROM broken
$$;

-- migrate:down
DROP FUNCTION audit_log_verify();
DROP FUNCTION audit_log_hash(audit_log);
DROP TABLE audit_log;
DROP FUNCTION audit_log_refuse_change();
DROP FUNCTION audit_log_chain();
