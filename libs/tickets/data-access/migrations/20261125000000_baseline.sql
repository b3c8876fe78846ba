-- Baseline: puts the tickets database under dbmate's control (schema_migrations), so the
-- service migrates at start-up from its first release. It creates nothing: the tables for
-- tickets, ticket numbering and indicators come in the migrations that follow.
-- migrate:up

-- migrate:down

