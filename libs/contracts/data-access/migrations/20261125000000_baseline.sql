-- Baseline: puts the contracts database under dbmate's control (schema_migrations), so the
-- service migrates at start-up from its first release. It creates nothing: the tables for
-- projects, project members and warranty contracts come in the migrations that follow.
-- migrate:up

-- migrate:down

