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
 * - `TestTokenIssuer` plays identity (a JWKS on a free port and tokens signed for it);
 * - `FakeIdentity` plays identity for a service that also reads users from it;
 * - `HttpStub` (with `sendJson`, `callerOf`) plays any other service over real HTTP;
 * - `callAs(http, authorizationOf)` is a test context's `call(user, method, url, payload)`;
 * - `declaredRoutesWithAccess(app)`, `describeRoleMatrix(…)` and the object-level expectations
 *   make each service's SPEC §5 access matrix test;
 * - `startTestHttpApp(module, name)` serves a library's test module as a service would;
 * - `describeServiceConformance(…)` is what every service owes the platform.
 */
export * from './call-as';
export * from './create-test-database';
export * from './declared-access';
export * from './eventually';
export * from './fake-identity';
export * from './http-stub';
export * from './role-matrix';
export * from './tcp-proxy';
export * from './test-infrastructure';
export * from './unique-name';
export * from './unused-port';
export * from './test-signing-key';
export * from './test-token-issuer';
export * from './test-auth';
export * from './test-http-app';
export * from './service-conformance';
