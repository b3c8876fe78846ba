/**
 * `@mg/shared-idempotency`: SPEC §7 `Idempotency-Key` for mutating POSTs, kept in each service's
 * own database (`idempotency_keys`).
 *
 * - Migrations: `migrateDatabase({ migrationsDirs: [own, IDEMPOTENCY_MIGRATIONS_DIR, …] })`; a
 *   service's drift test passes `ignoreTables: [...IDEMPOTENCY_TABLES]`.
 * - `IdempotencyModule.forRoot({ executor })` (or `{ executorToken, imports }`): every
 *   authenticated POST carrying the header is executed once per (user, key) and replayed after.
 * - The store functions (`claimIdempotencyKey`…) are exported for non-HTTP callers.
 */
export * from './idempotency-key';
export * from './idempotency-store';
export * from './idempotency.location';
export * from './request-fingerprint';
export * from './nest/idempotency-key-purger';
export * from './nest/idempotency.interceptor';
export * from './nest/idempotency.module';
export * from './nest/idempotency.tokens';
