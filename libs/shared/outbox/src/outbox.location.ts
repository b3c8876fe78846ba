import { join } from 'node:path';

/** The SQL migration creating `outbox_events`: pass it to `migrateDatabase({ migrationsDirs })`. */
export const OUTBOX_MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

/** The tables this library owns in a service's database: a service's drift test ignores them. */
export const OUTBOX_TABLES: readonly string[] = ['outbox_events'];

/** The fixture describing OUTBOX_TABLES, for this library's own drift test. */
export const OUTBOX_SCHEMA_PATH = join(__dirname, '..', 'schema.prisma');

/** The channel the insert trigger notifies and the relay listens on. */
export const OUTBOX_CHANNEL = 'outbox_events';
