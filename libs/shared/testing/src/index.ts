/**
 * `@mg/shared-testing`: helpers for integration tests against the real PostgreSQL, NATS and
 * Temporal (never imported by production code).
 *
 * - `createTestDatabase(prefix, migrationsDir)` → `{ url, name, drop() }`, migrated by dbmate;
 * - `TEST_POSTGRES_URL`, `TEST_NATS_SERVERS`, `TEST_TEMPORAL_ADDRESS` (env-overridable);
 * - `uniqueName(prefix)` for streams, task queues, workflow ids;
 * - `eventually(assertion)` for asynchronous effects;
 * - `unusedPort()` and `startTcpProxy(port)` to simulate a dependency that is down or drops;
 * - `createTestAuth()` gives the real AuthModule trusting a key made for the test, and bearers;
 * - `TestTokenIssuer` plays identity (a JWKS on a free port and tokens signed for it).
 */
export * from './create-test-database';
export * from './eventually';
export * from './tcp-proxy';
export * from './test-infrastructure';
export * from './unique-name';
export * from './unused-port';
export * from './test-token-issuer';
export * from './test-auth';
export * from './service-conformance';
