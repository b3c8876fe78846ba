/**
 * Where integration tests find the real services (SPEC §3 local topology). Each can be pointed
 * elsewhere with an environment variable, e.g. in CI.
 */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const TEST_NATS_SERVERS = process.env.TEST_NATS_SERVERS ?? 'nats://127.0.0.1:4222';

export const TEST_TEMPORAL_ADDRESS = process.env.TEST_TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
