/**
 * `@mg/shared-outbox`: the transactional outbox every service publishes its SPEC §8 events
 * through (`outbox_events` in its own database → JetStream stream `MAINTENANCE`).
 *
 * - Migrations: `migrateDatabase({ migrationsDirs: [own, OUTBOX_MIGRATIONS_DIR, …] })`; a
 *   service's drift test passes `ignoreTables: [...OUTBOX_TABLES]`.
 * - Writing: `OutboxWriter.enqueue(tx, envelope)` in the business transaction.
 * - Publishing: `OutboxModule.forRoot({ databaseUrl })` next to `MessagingModule.forRoot()`;
 *   outside Nest, `new OutboxRelay({ databaseUrl, jetstream }).start()`.
 */
export * from './outbox-relay';
export * from './outbox-relay.options';
export * from './outbox-writer';
export * from './outbox.location';
export * from './nest/outbox.module';
