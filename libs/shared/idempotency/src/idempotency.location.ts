import { join } from 'node:path';

/** The SQL migration creating `idempotency_keys`: pass it to `migrateDatabase({ migrationsDirs })`. */
export const IDEMPOTENCY_MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

/** The tables this library owns in a service's database: a service's drift test ignores them. */
export const IDEMPOTENCY_TABLES: readonly string[] = ['idempotency_keys'];

/** The fixture describing IDEMPOTENCY_TABLES, for this library's own drift test. */
export const IDEMPOTENCY_SCHEMA_PATH = join(__dirname, '..', 'schema.prisma');
